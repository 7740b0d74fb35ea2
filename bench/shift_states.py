"""Volunteer shifts at scale (ours only: vanilla Odoo has no shifts).

On a copy of the test template (our addons and their demo), in one
transaction rolled back at the end: ``members`` active members, a four-week
cycle of ``templates`` shift templates, their participations (one in ten
flying), a year of shifts generated, a month of attendance recorded (one
volunteer in ten absent); then the daily state computation over every
participation, a month later (grace periods end). Each step prints its time
and SQL queries; the state computation runs on half the members first, to
show its queries do not grow with them. The issue's target (#36): the daily
computation over 2,000 members in 5 s or less, queries flat.

    PYTHONPATH=$ODOO_SRC .venv/bin/python -m bench.shift_states \\
        [--members 2000] [--templates 120]
"""

import argparse
import random
import time
from datetime import timedelta

from bench.common import add_template_argument, rolled_back_env

BENCH_DB = "coop_bench_shifts"


def _measured(env, function):
    env.flush_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    result = function()
    env.flush_all()
    return result, round(time.perf_counter() - start, 2), env.cr.sql_log_count - before


def build(env, members, templates):
    """The members, templates and participations; returns them and the
    times of generating a year of shifts and recording a month."""
    from odoo import fields

    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
    rng = random.Random(36)
    company = env.ref("base.main_company")
    env = env(context=dict(env.context, allowed_company_ids=[company.id]))
    today = fields.Date.context_today(env.user)
    partners = env["res.partner"].create(
        [{"name": f"Bénévole {index:05d}"} for index in range(members)]
    )
    partners.with_company(company).write({"coop_member_state": "active"})
    per_week = max(templates // 4, 1)
    Template = env["coop.shift.template"]
    shift_templates = Template.create(
        [
            {
                "company_id": company.id,
                "week_number": index // per_week % 4 + 1,
                "weekday": str(index % 6),
                "start_hour": 8.0 + 3 * (index // 6 % 4),
                "duration": 3.0,
                "kind": rng.choice(["till", "reception", "shelves", "pickup"]),
                "seats": max(members // templates, 1),
            }
            for index in range(templates)
        ]
    )
    participations = env["coop.shift.participation"].create(
        [
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "kind": "flying" if index % 10 == 9 else "regular",
                "template_id": shift_templates[index % templates].id
                if index % 10 != 9
                else False,
            }
            for index, partner in enumerate(partners)
        ]
    )
    shifts, generate_seconds, generate_queries = _measured(
        env,
        lambda: shift_templates._coop_generate_shifts(
            today - timedelta(days=28), today + timedelta(days=365)
        ),
    )
    past = shifts.filtered(lambda shift: shift.start.date() < today)

    def record_month():
        for shift in past:
            registrations = shift.registration_ids.filtered(lambda r: r.state == "open")
            absent = registrations.filtered(lambda r: rng.random() < 0.1)
            (registrations - absent)._coop_set_attendance("attended")
            absent._coop_set_attendance("absent")
            shift.state = "done"

    _none, record_seconds, record_queries = _measured(env, record_month)
    return participations, {
        "members": members,
        "templates": templates,
        "shifts": len(shifts),
        "registrations": len(shifts.registration_ids),
        "generate_year": {"seconds": generate_seconds, "queries": generate_queries},
        "record_month": {
            "shifts": len(past),
            "seconds": record_seconds,
            "queries": record_queries,
        },
    }


def daily_states(participations, day):
    """The daily job's computation over ``participations`` on ``day``."""
    env = participations.env
    env.invalidate_all()
    _none, seconds, queries = _measured(
        env, lambda: participations._coop_update_states(day)
    )
    return {
        "participations": len(participations),
        "seconds": seconds,
        "queries": queries,
        "suspended": len(participations.filtered(lambda p: p.state == "suspended")),
    }


def main():
    from odoo import fields

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--templates", type=int, default=120)
    add_template_argument(parser)
    args = parser.parse_args()
    with rolled_back_env(args, BENCH_DB) as env:
        start = time.perf_counter()
        participations, built = build(env, args.members, args.templates)
        print(f"data built in {time.perf_counter() - start:.0f} s", flush=True)
        print(built, flush=True)
        later = fields.Date.today() + timedelta(days=30)
        savepoint = env.cr.savepoint()
        half = daily_states(participations[: len(participations) // 2], later)
        savepoint.close(rollback=True)
        env.invalidate_all()
        print({"half": half}, flush=True)
        print({"all": daily_states(participations, later)}, flush=True)


if __name__ == "__main__":
    main()
