"""Checkout under concurrency: N members book the same pickup slot at once.

    PYTHONPATH=$ODOO_SRC .venv/bin/python -m bench.slot_concurrency DB \
        [--members 50] [--capacity 40]

Runs on a database where coop_marketplace is installed (a copy of the test
template, e.g. ``coop_dev``). It commits a cycle, a slot of ``capacity``
places and one draft order per member, then ``members`` threads, each with
its own cursor and transaction, do what the checkout does at the slot step
(``sale.order._coop_set_pickup_slot``) and commit, retrying on PostgreSQL
serialization errors like Odoo's request loop. The same run is made without
slot ("without slots": the threads write the order's note instead), to see
what the booking costs. Prints bookings made (never above capacity) and the
p50/p95 latency of a transaction, then deletes what it created.
"""

import argparse
import random
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from bench.common import odoo_env_setup, percentile

MAX_TRIES = 5


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=40)
    args = parser.parse_args()
    odoo_env_setup()  # imports and configures Odoo in this process
    from odoo import SUPERUSER_ID, api, fields
    from odoo.exceptions import UserError
    from odoo.modules.registry import Registry
    from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
    from odoo.tools import mute_logger

    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        partners = env["res.partner"].create(
            [{"name": f"Bench checkout {i}"} for i in range(args.members)]
        )
        product = env["product.product"].create({"name": "Bench checkout basket"})
        point = env["coop.pickup.point"].create(
            {"name": "Bench checkout point", "partner_id": partners[0].id}
        )
        now = fields.Datetime.now()
        cycle = env["coop.order.cycle"].create(
            {
                "name": "Bench checkout cycle",
                "open_datetime": now - timedelta(hours=1),
                "close_datetime": now + timedelta(days=1),
                "pickup_date_from": fields.Date.today() + timedelta(days=2),
                "pickup_date_to": fields.Date.today() + timedelta(days=2),
                "line_ids": [(0, 0, {"product_id": product.id})],
            }
        )
        cycle.action_open()
        slot = env["coop.slot"].create(
            {
                "point_id": point.id,
                "cycle_id": cycle.id,
                "start_datetime": now + timedelta(days=2),
                "end_datetime": now + timedelta(days=2, hours=2),
                "capacity": args.capacity,
            }
        )
        orders = env["sale.order"].create(
            [
                {
                    "partner_id": p.id,
                    "coop_cycle_id": cycle.id,
                    "coop_point_id": point.id,
                }
                for p in partners
            ]
        )
        ids = {
            "orders": orders.ids,
            "slot": slot.id,
            "cycle": cycle.id,
            "point": point.id,
            "product": product.id,
            "partners": partners.ids,
        }

    barrier = threading.Barrier(args.members)

    def checkout(order_id, with_slot):
        barrier.wait()
        start = time.perf_counter()
        # Odoo's request loop: 5 tries, random exponential back-off
        # (odoo.service.model.retrying).
        for attempt in range(1, MAX_TRIES + 1):
            try:
                with registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    order = env["sale.order"].browse(order_id)
                    if with_slot:
                        order._coop_set_pickup_slot(
                            env["coop.slot"].browse(ids["slot"])
                        )
                    else:
                        order.note = "checkout"
                    order.flush_recordset()
                return True, time.perf_counter() - start
            except UserError:
                return False, time.perf_counter() - start
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                if attempt == MAX_TRIES:
                    break
                time.sleep(random.uniform(0.0, 2**attempt))
        return False, time.perf_counter() - start

    try:
        with mute_logger("odoo.sql_db"):
            for with_slot in (False, True):
                with ThreadPoolExecutor(args.members) as pool:
                    results = list(
                        pool.map(
                            lambda oid, ws=with_slot: checkout(oid, ws), ids["orders"]
                        )
                    )
                latencies = [seconds * 1000 for _ok, seconds in results]
                booked = sum(ok for ok, _s in results)
                with registry.cursor() as cr:
                    cr.execute(
                        "SELECT count(*) FROM sale_order WHERE coop_slot_id = %s",
                        [ids["slot"]],
                    )
                    in_db = cr.fetchone()[0]
                print(
                    f"{'with slots' if with_slot else 'without slots':>14}: "
                    f"{args.members} members, {booked} succeeded"
                    + (f", slot booked {in_db}/{args.capacity}" if with_slot else "")
                    + f"; latency p50 {statistics.median(latencies):.1f} ms,"
                    f" p95 {percentile(latencies, 95):.1f} ms"
                )
                barrier.reset()
    finally:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["sale.order"].browse(ids["orders"]).unlink()
            cr.execute("DELETE FROM coop_slot WHERE id = %s", [ids["slot"]])
            cr.execute("DELETE FROM coop_order_cycle WHERE id = %s", [ids["cycle"]])
            env["coop.pickup.point"].browse(ids["point"]).unlink()
            env["product.product"].browse(ids["product"]).unlink()
            env["res.partner"].browse(ids["partners"]).unlink()


if __name__ == "__main__":
    main()
