"""Ordering at scale (#16; ours only: vanilla Odoo has no cycle).

On a copy of the test template (our addons and their demo), in one
transaction rolled back at the end:

- **Standing baskets**: ``--standing`` members subscribe to one basket, at
  pickup points with room for all; the cycle's opening job
  (``_create_standing_orders``) makes their orders, first for half of them
  (in a savepoint, rolled back), then for all. Time, queries, queries per
  order.
- **Goods sold by weight**: ``--weighed`` confirmed orders of one chicken
  sold by weight (about 1.6 kg) and one other product; the cycle is closed,
  then every order is weighed (``_coop_set_real_weights``), as the pickup
  volunteers do. Time and queries of the close and per weighing.

    PYTHONPATH=$ODOO_SRC .venv/bin/python -m bench.ordering \\
        [--standing 2000] [--weighed 500]
"""

import argparse
import time
from datetime import timedelta

from bench.common import add_template_argument, rolled_back_env

BENCH_DB = "coop_bench_ordering"


def _cycle(env, products, name, points):
    from odoo import Command, fields

    now = fields.Datetime.now()
    cycle = env["coop.order.cycle"].create(
        {
            # The bench's members hold no share: a cycle open to all.
            "members_only": False,
            "name": name,
            "open_datetime": now - timedelta(days=1),
            "close_datetime": now + timedelta(days=1),
            "pickup_date_from": fields.Date.today() + timedelta(days=2),
            "pickup_date_to": fields.Date.today() + timedelta(days=2),
            "line_ids": [Command.create({"product_id": p.id}) for p in products],
        }
    )
    # Opened by hand: no slot generation from the demo points' templates.
    cycle.state = "open"
    slots = env["coop.slot"].create(
        [
            {
                "point_id": point.id,
                "cycle_id": cycle.id,
                "start_datetime": now + timedelta(days=2),
                "end_datetime": now + timedelta(days=2, hours=2),
                "capacity": 100000,
            }
            for point in points
        ]
    )
    return cycle, slots


def _count(env, func):
    cr = env.cr
    env.flush_all()
    env.invalidate_all()
    before = cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    return result, round(time.perf_counter() - start, 1), cr.sql_log_count - before


def bench_standing(env, count):
    farm = env.ref("coop_producers.coop_producer_marais_demo")
    basket = env["product.product"].create(
        {
            "name": "Panier banc",
            "type": "consu",
            "list_price": 15.0,
            "coop_producer_id": farm.id,
            "coop_producer_price": 12.0,
            "coop_standing_ok": True,
        }
    )
    points = env["coop.pickup.point"].search([("company_id", "=", env.company.id)])
    cycle, _slots = _cycle(env, basket, "Cycle banc abonnements", points)
    members = env["res.partner"].create(
        [{"name": f"Abonné banc {i:04d}"} for i in range(count)]
    )
    standing = env["coop.standing.order"].create(
        [
            {
                "partner_id": member.id,
                "product_id": basket.id,
                "point_id": points[i % len(points)].id,
            }
            for i, member in enumerate(members)
        ]
    )
    Standing = env["coop.standing.order"]
    results = []
    savepoint = env.cr.savepoint()
    # First a tenth of them (the others paused), rolled back; then all.
    standing[count // 10 :].state = "paused"
    orders, seconds, queries = _count(
        env, lambda: Standing._create_standing_orders(cycle)
    )
    results.append((len(orders), seconds, queries))
    savepoint.close(rollback=True)
    env.invalidate_all()
    orders, seconds, queries = _count(
        env, lambda: Standing._create_standing_orders(cycle)
    )
    results.append((len(orders), seconds, queries))
    for made, seconds, queries in results:
        print(
            {
                "standing_orders": made,
                "seconds": seconds,
                "queries": queries,
                "queries_per_order": round(queries / made, 1) if made else None,
            },
            flush=True,
        )
    rerun, seconds, queries = _count(
        env, lambda: Standing._create_standing_orders(cycle)
    )
    print({"rerun_orders": len(rerun), "seconds": seconds, "queries": queries})


def bench_weighed(env, count):
    from odoo import Command

    chicken = env.ref("coop_producers.product_vanackere_1_demo").product_variant_id
    eggs = env.ref("coop_producers.product_vanackere_6_demo").product_variant_id
    points = env["coop.pickup.point"].search([("company_id", "=", env.company.id)])
    cycle, slots = _cycle(env, chicken | eggs, "Cycle banc pesées", points)
    members = env["res.partner"].create(
        [{"name": f"Membre pesée {i:04d}"} for i in range(count)]
    )
    orders = env["sale.order"].create(
        [
            {
                "partner_id": member.id,
                "coop_cycle_id": cycle.id,
                "coop_point_id": slots[i % len(slots)].point_id.id,
                "coop_slot_id": slots[i % len(slots)].id,
                "order_line": [
                    Command.create({"product_id": chicken.id, "product_uom_qty": 1}),
                    Command.create({"product_id": eggs.id, "product_uom_qty": 1}),
                ],
            }
            for i, member in enumerate(members)
        ]
    )
    orders.action_confirm()
    print(f"  {len(orders)} orders confirmed", flush=True)
    _result, seconds, queries = _count(env, cycle._close)
    print(
        {"close_weighed_lines": count, "seconds": seconds, "queries": queries},
        flush=True,
    )
    volunteer = env.ref("coop_members.res_users_cashier_demo")
    per_order = []
    start = time.perf_counter()
    for index, order in enumerate(orders):
        line = order.order_line.filtered(lambda l, p=chicken: l.product_id == p)
        weight = 1.4 + (index % 7) * 0.05
        _r, _s, queries = _count(
            env,
            lambda o=order, l=line, w=weight: o.with_user(
                volunteer
            )._coop_set_real_weights({l.with_user(volunteer): w}),
        )
        per_order.append(queries)
    seconds = round(time.perf_counter() - start, 1)
    print(
        {
            "weighings": len(per_order),
            "seconds": seconds,
            "queries_first": per_order[0],
            "queries_min": min(per_order),
            "queries_max": max(per_order),
            "queries_last": per_order[-1],
        },
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--standing", type=int, default=2000)
    parser.add_argument("--weighed", type=int, default=500)
    add_template_argument(parser)
    args = parser.parse_args()
    with rolled_back_env(
        args, BENCH_DB, {"tracking_disable": True, "mail_notrack": True}
    ) as env:
        if args.standing:
            bench_standing(env, args.standing)
        if args.weighed:
            bench_weighed(env, args.weighed)


if __name__ == "__main__":
    main()
