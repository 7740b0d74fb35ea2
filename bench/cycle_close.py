"""Cycle close at scale, on the bench's *ours* database (``make bench`` builds
it): the confirmed sale orders of the generated data (``order_lines`` / 2
lines) are put in one open cycle, spread over ``points`` pickup points (one
slot each), their lines pointed at ten products of each of ``producers``
farms, then the cycle is
closed: pooling, deliveries grouped per slot, orders locked. Prints time and
SQL queries for half of the orders and for all of them (queries must follow
producers and points, not lines), each in a transaction rolled back.

    PYTHONPATH=$ODOO_SRC .venv/bin/python -m bench.cycle_close coop_bench_ours_<key> \\
        [--producers 60] [--points 40]
"""

import argparse
import time
from datetime import timedelta

from bench.__main__ import odoo_env_setup


def close_once(registry, api, fields, fraction, producers, points):
    from odoo import SUPERUSER_ID, Command

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        orders = env["sale.order"].search(
            [("state", "=", "sale"), ("website_id", "=", False)], order="id"
        )
        orders = orders[: int(len(orders) * fraction)]
        farms = env["res.partner"].search(
            [("name", "=like", "Ferme %")], order="name", limit=producers
        )
        farms.write({"coop_is_producer": True})
        products = orders.order_line.product_id
        # Each product's producer: one of the farms, by product id.
        for i, farm in enumerate(farms):
            products.filtered(
                lambda p, i=i: p.id % len(farms) == i
            ).product_tmpl_id.write(
                {"coop_producer_id": farm.id, "coop_producer_price": 1.0}
            )
        now = fields.Datetime.now()
        cycle = env["coop.order.cycle"].create(
            {
                "name": "Bench close",
                "open_datetime": now - timedelta(days=1),
                "close_datetime": now + timedelta(days=1),
                "pickup_date_from": fields.Date.today() + timedelta(days=2),
                "pickup_date_to": fields.Date.today() + timedelta(days=2),
                "line_ids": [Command.create({"product_id": p.id}) for p in products],
                "state": "open",
            }
        )
        point_records = env["coop.pickup.point"].create(
            [
                {"name": f"Point {i:02d}", "partner_id": farms[0].id}
                for i in range(points)
            ]
        )
        slots = env["coop.pickup.slot"].create(
            [
                {
                    "point_id": point.id,
                    "cycle_id": cycle.id,
                    "start_datetime": now + timedelta(days=2),
                    "end_datetime": now + timedelta(days=2, hours=2),
                    "capacity": len(orders),
                }
                for point in point_records
            ]
        )
        for i, slot in enumerate(slots):
            chunk = orders.filtered(lambda o, i=i: o.id % len(slots) == i)
            chunk.write(
                {
                    "coop_cycle_id": cycle.id,
                    "coop_pickup_point_id": slot.point_id.id,
                    "coop_pickup_slot_id": slot.id,
                }
            )
        env.flush_all()
        env.invalidate_all()
        cr.sql_log_count = 0
        start = time.perf_counter()
        cycle._coop_close()
        env.flush_all()
        seconds = time.perf_counter() - start
        result = {
            "orders": len(orders),
            "order_lines": len(orders.order_line),
            "purchase_orders": len(cycle.pooling_id.purchase_order_ids),
            "batches": len(cycle.batch_ids),
            "seconds": round(seconds, 1),
            "queries": cr.sql_log_count,
        }
        cr.rollback()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--producers", type=int, default=60)
    parser.add_argument("--points", type=int, default=40)
    args = parser.parse_args()
    odoo_env_setup()
    from odoo import api, fields
    from odoo.modules.registry import Registry

    registry = Registry(args.database)
    for fraction in (0.5, 1.0):
        print(close_once(registry, api, fields, fraction, args.producers, args.points))


if __name__ == "__main__":
    main()
