# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How a delivery slot's stops become rounds, on stored coordinates only
(no routing service here).

1. **Sweep**: the stops with coordinates are sorted by their bearing from
   the hub (as a clock hand turning around it), starting after the widest
   empty angle (so that no round straddles it), the stops without
   coordinates after them by postcode and street; this list is cut into as
   many consecutive rounds as needed (at most one per courier, at most
   ``per_round`` stops each), of sizes as even as possible. Each round so
   covers one sector around the hub.
2. **Nearest neighbour**: within a round, the courier leaves the hub for
   the nearest stop, then goes on to the nearest stop not yet served, and
   so on; stops without coordinates come last, in the sweep's order.

Both steps are deterministic (ties by the stop's key), so a round built
twice is the same round.
"""

import math

from .coop_delivery_zone import distance_km


def bearing(hub, point):
    """Angle of ``point`` seen from ``hub`` (radians, -pi..pi, 0 = north)."""
    dlat = point[0] - hub[0]
    dlon = (point[1] - hub[1]) * math.cos(math.radians(hub[0]))
    return math.atan2(dlon, dlat)


def nearest_neighbour(hub, stops):
    """``stops`` [(key, (lat, lon))] in the order a courier leaving ``hub``
    serves them, always going to the nearest one left."""
    left = sorted(stops, key=lambda stop: stop[0])
    here, ordered = hub, []
    while left:
        nearest = min(left, key=lambda stop: (distance_km(*here, *stop[1]), stop[0]))
        left.remove(nearest)
        ordered.append(nearest)
        here = nearest[1]
    return ordered


def plan_rounds(hub, stops, couriers, per_round):
    """Cut ``stops`` [(key, (lat, lon) or None, sort_key)] into rounds.

    Returns a list of rounds, each a list of keys in delivery order. Raises
    ValueError when the stops don't fit (more than couriers × per_round:
    the slot's capacity prevents it)."""
    if not stops:
        return []
    if len(stops) > couriers * per_round:
        raise ValueError("more stops than the couriers can take")
    located = sorted(
        (stop for stop in stops if stop[1]),
        key=lambda stop: (bearing(hub, stop[1]), stop[0]),
    )
    located = _from_widest_gap(hub, located)
    blind = sorted((stop for stop in stops if not stop[1]), key=lambda s: s[2])
    swept = located + blind
    count = math.ceil(len(swept) / per_round)
    size, extra = divmod(len(swept), count)
    rounds, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        chunk = swept[start:end]
        start = end
        with_coords = [(stop[0], stop[1]) for stop in chunk if stop[1]]
        ordered = [key for key, _coords in nearest_neighbour(hub, with_coords)]
        ordered += [stop[0] for stop in chunk if not stop[1]]
        rounds.append(ordered)
    return rounds


def _from_widest_gap(hub, located):
    """``located`` (sorted by bearing) turned to start just after the widest
    angle without any stop."""
    if len(located) < 2:
        return located
    angles = [bearing(hub, stop[1]) for stop in located]
    gaps = [(angles[i] - angles[i - 1]) % (2 * math.pi) for i in range(len(angles))]
    # gaps[0] is the wrap-around, from the last stop to the first.
    start = max(range(len(gaps)), key=lambda i: (gaps[i], -i))
    return located[start:] + located[:start]
