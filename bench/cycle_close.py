"""Cycle close at scale (ours only: vanilla Odoo has no order cycle).

On a copy of the test template (our four addons and their demo), in one
transaction rolled back at the end: ``producers`` farms offering ten products
each, ``points`` pickup points with one slot each, and confirmed orders of
five lines (``--lines`` in all) spread over the points, all in one open
cycle. The cycle is closed twice, first with half of the orders (inside a
savepoint, rolled back), then with all of them; each close prints its time,
its SQL queries and how they split between the steps. The issue's target:
queries follow producers and points, not order lines.

    PYTHONPATH=$ODOO_SRC .venv/bin/python -m bench.cycle_close \\
        [--lines 20000] [--producers 60] [--points 40]
"""

import argparse
import random
import time
from collections import Counter
from datetime import timedelta

from bench.common import add_template_argument, rolled_back_env

BENCH_DB = "coop_bench_close"
LINES_PER_ORDER = 5
STEPS = (
    "_action_cancel",
    "_pool",
    "_apply_shortages",
    "_group_deliveries",
    "action_lock",
)


def build(env, lines, producers, points):
    """The cycle, its offer, points, slots and the confirmed orders."""
    from odoo import Command, fields

    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
    rng = random.Random(42)
    farms = env["res.partner"].create(
        [
            {
                "name": f"Ferme banc {i:02d}",
                "is_company": True,
                "coop_is_producer": True,
            }
            for i in range(producers)
        ]
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Produit {i:02d}-{j}",
                "type": "consu",
                "is_storable": True,
                "list_price": 2.0,
                "coop_producer_id": farm.id,
                "coop_producer_price": 1.5,
            }
            for i, farm in enumerate(farms)
            for j in range(10)
        ]
    )
    members = env["res.partner"].create(
        [{"name": f"Membre banc {i:04d}"} for i in range(1000)]
    )
    now = fields.Datetime.now()
    cycle = env["coop.order.cycle"].create(
        {
            # The bench's members hold no share: a cycle open to all.
            "members_only": False,
            "name": "Cycle banc",
            "open_datetime": now - timedelta(days=1),
            "close_datetime": now + timedelta(days=1),
            "pickup_date_from": fields.Date.today() + timedelta(days=2),
            "pickup_date_to": fields.Date.today() + timedelta(days=2),
            "line_ids": [Command.create({"product_id": p.id}) for p in products],
        }
    )
    # Opened by hand: the demo's own open cycle stays as it is.
    cycle.state = "open"
    point_records = env["coop.pickup.point"].create(
        [{"name": f"Point {i:02d}", "partner_id": farms[0].id} for i in range(points)]
    )
    order_count = lines // LINES_PER_ORDER
    slots = env["coop.slot"].create(
        [
            {
                "point_id": point.id,
                "cycle_id": cycle.id,
                "start_datetime": now + timedelta(days=2),
                "end_datetime": now + timedelta(days=2, hours=2),
                "capacity": order_count,
            }
            for point in point_records
        ]
    )
    orders = env["sale.order"]
    for start in range(0, order_count, 500):
        batch = env["sale.order"].create(
            [
                {
                    "partner_id": members[i % len(members)].id,
                    "coop_cycle_id": cycle.id,
                    "coop_point_id": slots[i % points].point_id.id,
                    "coop_slot_id": slots[i % points].id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": 1})
                        for product in rng.sample(list(products), LINES_PER_ORDER)
                    ],
                }
                for i in range(start, min(order_count, start + 500))
            ]
        )
        batch.action_confirm()
        orders |= batch
        print(f"  {len(orders)} orders confirmed", flush=True)
    return cycle, orders


def close(cycle, orders):
    """Close ``cycle`` with only ``orders`` in it; time, queries, per step."""
    env = cycle.env
    cr = env.cr
    others = env["sale.order"].search(
        [("coop_cycle_id", "=", cycle.id), ("id", "not in", orders.ids)]
    )
    others.write({"coop_cycle_id": False, "coop_slot_id": False})
    env.flush_all()
    env.invalidate_all()
    per_step = Counter()
    patched = []
    for model, method in (
        ("sale.order", "_action_cancel"),
        ("coop.pooling", "_pool"),
        ("coop.order.cycle", "_apply_shortages"),
        ("coop.order.cycle", "_group_deliveries"),
        ("sale.order", "action_lock"),
    ):
        cls = type(env[model])
        original = getattr(cls, method)

        def counted(self, *args, _original=original, _name=method, **kwargs):
            before = self.env.cr.sql_log_count
            try:
                return _original(self, *args, **kwargs)
            finally:
                per_step[_name] += self.env.cr.sql_log_count - before

        setattr(cls, method, counted)
        patched.append((cls, method, original))
    try:
        cr.sql_log_count = 0
        start = time.perf_counter()
        cycle._close()
        env.flush_all()
        seconds = time.perf_counter() - start
        queries = cr.sql_log_count
    finally:
        for cls, method, original in patched:
            setattr(cls, method, original)
    return {
        "orders": len(orders),
        "order_lines": len(orders.order_line),
        "purchase_orders": len(cycle.pooling_id.purchase_order_ids),
        "purchase_lines": len(cycle.pooling_id.purchase_order_ids.order_line),
        "batches": len(cycle.batch_ids),
        "seconds": round(seconds, 1),
        "queries": queries,
        "per_step": {step: per_step[step] for step in STEPS},
    }


def background(cycle):
    """The close as the manager starts it: the button's time (what she
    waits for), then each step of the job, as its runs would commit them
    (here in one transaction): time and queries per step."""
    env = cycle.env
    env.flush_all()
    env.invalidate_all()
    start = time.perf_counter()
    cycle.action_close()
    env.flush_all()
    button = time.perf_counter() - start
    steps = []
    Cycle = env["coop.order.cycle"]
    while cycle.state == "closing":
        step = cycle.close_step
        before = env.cr.sql_log_count
        begin = time.perf_counter()
        Cycle._cron_close_steps()
        env.flush_all()
        steps.append(
            (
                step,
                round(time.perf_counter() - begin, 2),
                env.cr.sql_log_count - before,
                cycle.close_progress,
            )
        )
    return {
        "button_seconds": round(button, 3),
        "steps": steps,
        "total_seconds": round(sum(s[1] for s in steps), 1),
        "purchase_orders": len(cycle.pooling_id.purchase_order_ids),
        "batches": len(cycle.batch_ids),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--background",
        action="store_true",
        help="the second close as the button starts it, step by step",
    )
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--producers", type=int, default=60)
    parser.add_argument("--points", type=int, default=40)
    add_template_argument(parser)
    args = parser.parse_args()
    with rolled_back_env(args, BENCH_DB) as env:
        cr = env.cr
        start = time.perf_counter()
        cycle, orders = build(env, args.lines, args.producers, args.points)
        env.flush_all()
        print(f"data built in {time.perf_counter() - start:.0f} s", flush=True)
        savepoint = cr.savepoint()
        print(close(cycle, orders[: len(orders) // 2]), flush=True)
        savepoint.close(rollback=True)
        env.invalidate_all()
        env.registry.clear_cache()
        if args.background:
            print(background(cycle), flush=True)
        else:
            print(close(cycle, orders), flush=True)


if __name__ == "__main__":
    main()
