"""Checkout over HTTP under concurrency: N members at the same instant.

    PYTHONPATH=$ODOO_SRC .venv/bin/python -m bench.checkout_http \\
        [--members 50] [--capacity 40] [--workers 4]

On a copy of the test template, committed: ``members`` portal members, each
with a cart of the demo's open cycle, and one pickup slot of ``capacity``
places. An Odoo server (``--workers`` processes, like production) is started
on it; each member logs in with their own session. Then, all at the same
instant:

- *without slots*: each cart has a native delivery method (fixed price) and
  the member goes from the checkout to the payment page
  (``GET /shop/confirm_order`` → ``/shop/payment``);
- *with slots*: each cart has the coop pickup and its point, and the member
  books the slot (``POST /shop/coop_slot`` → ``/shop/confirm_order`` →
  ``/shop/payment``).

Prints, for each run, how many members reached the payment page, the slot's
bookings (never above capacity) and the p50/p95 latency of the whole step.
The database is dropped at the end.
"""

import argparse
import re
import statistics
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import requests

from bench.common import (
    add_template_argument,
    coop,
    copy_template,
    odoo_env_setup,
    percentile,
)

BENCH_DB = "coop_bench_checkout"
CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def setup(env, members, capacity):
    """Members, carts, carriers and the slot; returns what the runs need."""
    from odoo import Command, fields

    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
    cycle = env["coop.order.cycle"]._get_open_cycles(env.company)[:1]
    cycle.members_only = False
    website = env["website"].search([("company_id", "=", env.company.id)], limit=1)
    point = env["coop.pickup.point"].search([], limit=1)
    now = fields.Datetime.now()
    slot = env["coop.slot"].create(
        {
            "point_id": point.id,
            "cycle_id": cycle.id,
            "start_datetime": now + timedelta(days=2),
            "end_datetime": now + timedelta(days=2, hours=2),
            "capacity": capacity,
        }
    )
    service = env["product.product"].create(
        {"name": "Bench delivery", "type": "service", "list_price": 0}
    )
    env["delivery.carrier"].search([]).is_published = False
    pickup, fixed = env["delivery.carrier"].create(
        [
            {
                "name": "Bench pickup",
                "delivery_type": "coop_pickup",
                "product_id": service.id,
                "is_published": True,
                "website_id": website.id,
                "coop_pickup_point_ids": [Command.set(point.ids)],
            },
            {
                "name": "Bench fixed",
                "delivery_type": "fixed",
                "fixed_price": 0,
                "product_id": service.id,
                "is_published": True,
                "website_id": website.id,
            },
        ]
    )
    product = cycle.line_ids.filtered(lambda l: not l.offered_qty)[:1].product_id
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Membre checkout {i:02d}",
                    "login": f"bench_checkout_{i:02d}",
                    "password": f"bench_checkout_{i:02d}",
                    "email": f"bench.checkout.{i:02d}@example.org",
                    "groups_id": [Command.set([env.ref("base.group_portal").id])],
                }
                for i in range(members)
            ]
        )
    )
    users.partner_id.write(
        {
            "street": "12 rue de Fives",
            "city": "Lille",
            "zip": "59800",
            "country_id": env.ref("base.fr").id,
            "phone": "0320000000",
        }
    )
    carts = env["sale.order"].create(
        [
            {
                "partner_id": user.partner_id.id,
                "website_id": website.id,
                "coop_cycle_id": cycle.id,
                "order_line": [Command.create({"product_id": product.id})],
            }
            for user in users
        ]
    )
    for cart in carts:
        cart.set_delivery_line(fixed, 0.0)
    return {
        "users": users,
        "carts": carts,
        "slot": slot,
        "point": point,
        "pickup": pickup,
    }


def start_server(port, workers, dbname=BENCH_DB, extra=(), stderr=subprocess.PIPE):
    """An Odoo server on ``dbname`` with ``workers`` processes and no job
    thread; returns (process, url) once it answers."""
    cmd = coop.odoo_cmd(
        "test.conf",
        f"--database={dbname}",
        f"--db-filter=^{dbname}$",
        f"--http-port={port}",
        f"--workers={workers}",
        "--max-cron-threads=0",
        "--limit-time-real=600",
        "--limit-time-cpu=600",
        "--log-level=warn",
        *extra,
    )
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            if requests.get(f"{url}/web/login", timeout=5).status_code == 200:
                return server, url
        except requests.RequestException:
            pass
        time.sleep(0.5)
    server.kill()
    raise SystemExit("the Odoo server did not start")


def login(url, user_login):
    session = requests.Session()
    page = session.get(f"{url}/web/login", timeout=60).text
    response = session.post(
        f"{url}/web/login",
        data={
            "login": user_login,
            "password": user_login,
            "csrf_token": CSRF.search(page).group(1),
        },
        timeout=60,
    )
    if "/web/login" in response.url:
        raise SystemExit(f"{user_login} could not log in")
    return session


def run(sessions, step):
    """``step(session)`` for every session at the same instant; returns
    (reached the payment page, sent back to the slot page with a message,
    latencies in ms)."""
    barrier = threading.Barrier(len(sessions))

    def one(session):
        prepared = step.prepare(session)
        barrier.wait()
        start = time.perf_counter()
        response = step.go(session, prepared)
        latency = (time.perf_counter() - start) * 1000
        path = response.url.split("?")[0]
        if response.status_code != 200:
            return "error", latency
        if path.endswith("/shop/payment"):
            return "payment", latency
        return "refused" if path.endswith("/shop/coop_slot") else path, latency

    with ThreadPoolExecutor(len(sessions)) as pool:
        results = list(pool.map(one, sessions))
    outcomes = [outcome for outcome, _ in results]
    return outcomes, [latency for _, latency in results]


class WithoutSlots:
    def __init__(self, url):
        self.url = url

    def prepare(self, session):
        return None

    def go(self, session, _prepared):
        return session.get(f"{self.url}/shop/confirm_order", timeout=600)


class WithSlots:
    def __init__(self, url, slot_id):
        self.url, self.slot_id = url, slot_id

    def prepare(self, session):
        page = session.get(f"{self.url}/shop/coop_slot", timeout=600).text
        return CSRF.search(page).group(1)

    def go(self, session, csrf_token):
        return session.post(
            f"{self.url}/shop/coop_slot",
            data={"slot_id": self.slot_id, "csrf_token": csrf_token},
            timeout=600,
        )


def report(name, outcomes, latencies, members, booked=None):
    line = {
        "run": name,
        "payment page reached": f"{outcomes.count('payment')} / {members}",
        "sent back (slot full)": outcomes.count("refused"),
        "other": [o for o in outcomes if o not in ("payment", "refused")],
        "p50 ms": round(statistics.median(latencies)),
        "p95 ms": round(percentile(latencies, 95)),
    }
    if booked is not None:
        line["slot booked"] = booked
    print(line, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=40)
    parser.add_argument("--workers", type=int, default=4)
    add_template_argument(parser)
    args = parser.parse_args()
    odoo_env_setup()
    from odoo import SUPERUSER_ID, api, sql_db
    from odoo.modules.registry import Registry

    copy_template(args, BENCH_DB)
    registry = Registry(BENCH_DB)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        data = setup(env, args.members, args.capacity)
        ids = {
            "carts": data["carts"].ids,
            "slot": data["slot"].id,
            "point": data["point"].id,
            "pickup": data["pickup"].id,
            "logins": data["users"].mapped("login"),
        }
        cr.commit()
    server, url = start_server(coop.free_ports(1)[0], args.workers)
    try:
        with ThreadPoolExecutor(10) as pool:
            sessions = list(pool.map(lambda lg: login(url, lg), ids["logins"]))
        outcomes, latencies = run(sessions, WithoutSlots(url))
        report("without slots", outcomes, latencies, args.members)
        # The same carts move to the coop pickup at the point, then book.
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            pickup = env["delivery.carrier"].browse(ids["pickup"])
            point = env["coop.pickup.point"].browse(ids["point"])
            for cart in env["sale.order"].browse(ids["carts"]):
                cart.set_delivery_line(pickup, 0.0)
                cart._coop_set_pickup_point(point)
            cr.commit()
        outcomes, latencies = run(sessions, WithSlots(url, ids["slot"]))
        with registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM sale_order WHERE coop_slot_id = %s",
                [ids["slot"]],
            )
            booked = f"{cr.fetchone()[0]} / {args.capacity}"
        report("with slots", outcomes, latencies, args.members, booked)
    finally:
        server.terminate()
        server.wait(60)
        Registry.delete(BENCH_DB)
        sql_db.close_db(BENCH_DB)
        coop.drop_db(BENCH_DB)


if __name__ == "__main__":
    main()
