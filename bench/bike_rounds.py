"""Bike rounds at scale (#17; ours only: vanilla Odoo plans no round).

On a copy of the test template (our addons and their demo), in one
transaction rolled back at the end: ``--deliveries`` members at known
coordinates within 5 km of the demo hub (the épicerie of Fives) order a
home delivery in the open cycle's two delivery slots (``--couriers``
couriers of ``--per-round`` stops each per slot); the orders are confirmed,
then the rounds are built (``coop.order.cycle._coop_build_rounds``, as the
close does). Time and queries of the building, and of the planner alone
(sweep + nearest neighbour, pure Python).

    PYTHONPATH=$ODOO_SRC .venv/bin/python -m bench.bike_rounds \\
        [--deliveries 500] [--couriers 10] [--per-round 25]
"""

import argparse
import math
import random
import time
from datetime import timedelta

from bench.common import add_template_argument, rolled_back_env

BENCH_DB = "coop_bench_bike_rounds"


def build(env, deliveries, couriers, per_round, seed=17):
    """The cycle, its two delivery slots and ``deliveries`` confirmed bike
    orders spread over them."""
    from odoo import Command, fields

    rng = random.Random(seed)
    zone = env.ref("coop_bike_delivery.coop_delivery_zone_lille_demo")
    hub = zone.hub_point_id
    product = env.ref("coop_producers.product_marais_2_demo").product_variant_id
    now = fields.Datetime.now()
    cycle = env["coop.order.cycle"].create(
        {
            # The bench's members hold no share: a cycle open to all.
            "members_only": False,
            "name": "Cycle banc vélo",
            "open_datetime": now - timedelta(days=1),
            "close_datetime": now + timedelta(days=1),
            "pickup_date_from": fields.Date.today() + timedelta(days=2),
            "pickup_date_to": fields.Date.today() + timedelta(days=2),
            "line_ids": [Command.create({"product_id": product.id})],
        }
    )
    cycle.state = "open"  # no slot generation from the demo's templates
    slots = env["coop.slot"].create(
        [
            {
                "point_id": hub.id,
                "cycle_id": cycle.id,
                "kind": "delivery",
                "start_datetime": now + timedelta(days=2, hours=3 * index),
                "end_datetime": now + timedelta(days=2, hours=3 * index + 2),
                "courier_count": couriers,
                "deliveries_per_round": per_round,
            }
            for index in range(2)
        ]
    )
    members = env["res.partner"].create(
        [
            {
                "name": f"Livré banc {i:04d}",
                "street": f"{i} rue du Banc",
                "zip": "59000",
                "city": "Lille",
                **_point_around(rng, zone.hub_latitude, zone.hub_longitude, 4.5),
            }
            for i in range(deliveries)
        ]
    )
    orders = env["sale.order"].create(
        [
            {
                "partner_id": member.id,
                "coop_cycle_id": cycle.id,
                "carrier_id": zone.carrier_id.id,
                "coop_slot_id": slots[i % 2].id,
                "order_line": [Command.create({"product_id": product.id})],
            }
            for i, member in enumerate(members)
        ]
    )
    orders.action_confirm()
    return cycle, orders


def _point_around(rng, lat, lon, radius_km):
    distance = radius_km * math.sqrt(rng.random())
    angle = rng.random() * 2 * math.pi
    return {
        "partner_latitude": lat + distance * math.cos(angle) / 111.2,
        "partner_longitude": lon
        + distance * math.sin(angle) / (111.2 * math.cos(math.radians(lat))),
    }


def build_rounds(cycle, orders):
    env = cycle.env
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    rounds = cycle._coop_build_rounds(orders)
    env.flush_all()
    return {
        "deliveries": len(orders),
        "rounds": len(rounds),
        "stops": sum(len(batch.coop_stop_ids) for batch in rounds),
        "seconds": round(time.perf_counter() - start, 2),
        "queries": env.cr.sql_log_count - before,
        "overloaded": len(rounds.filtered("coop_overloaded")),
    }


def plan_only(deliveries, couriers, per_round, seed=17):
    """The planner alone on one slot's stops (half the deliveries)."""
    from odoo.addons.coop_bike_delivery.models.round_planner import plan_rounds

    rng = random.Random(seed)
    hub = (50.6296, 3.0889)
    stops = [
        (
            i,
            tuple(_point_around(rng, *hub, 4.5).values()),
            ("59000", str(i), i),
        )
        for i in range(deliveries // 2)
    ]
    start = time.perf_counter()
    rounds = plan_rounds(hub, stops, couriers, per_round)
    return {
        "planner_stops": len(stops),
        "planner_rounds": len(rounds),
        "planner_seconds": round(time.perf_counter() - start, 3),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deliveries", type=int, default=500)
    parser.add_argument("--couriers", type=int, default=10)
    parser.add_argument("--per-round", type=int, default=25)
    add_template_argument(parser)
    args = parser.parse_args()
    with rolled_back_env(
        args, BENCH_DB, {"tracking_disable": True, "mail_notrack": True}
    ) as env:
        start = time.perf_counter()
        cycle, orders = build(env, args.deliveries, args.couriers, args.per_round)
        print(
            f"  {len(orders)} bike orders confirmed in"
            f" {time.perf_counter() - start:.0f} s",
            flush=True,
        )
        print(build_rounds(cycle, orders), flush=True)
        print(plan_only(args.deliveries, args.couriers, args.per_round), flush=True)


if __name__ == "__main__":
    main()
