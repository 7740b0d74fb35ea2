# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The participation rules as plain functions of a member's history: the
models store what these return, and the tests compare them with the rules
applied by hand. No Odoo import."""

from datetime import timedelta


def counter_and_alert_since(events):
    """The counter (the sum of the points) and the day it last went below
    zero and stayed there (``None`` when it is not negative).
    ``events``: (day, points) in the order they happened."""
    counter = 0
    since = None
    for day, points in events:
        before = counter
        counter += points
        if counter < 0 and before >= 0:
            since = day
        elif counter >= 0:
            since = None
    return counter, since


def state_of(kind, member_active, counter, alert_since, leaves, today, grace_days):
    """The participation state on ``today``.

    ``leaves``: (first day, last day) of her leaves. A member back from a
    leave starts a fresh grace period to catch up on what she owed before
    it (she could not come during it)."""
    if not member_active:
        return "unsubscribed"
    if kind == "exempt":
        return "exempt"
    if any(start <= today <= end for start, end in leaves):
        return "on_leave"
    if counter >= 0:
        return "up_to_date"
    grace_from = alert_since
    for _start, end in leaves:
        if end < today and end >= grace_from:
            grace_from = end + timedelta(days=1)
    if today < grace_from + timedelta(days=grace_days):
        return "alert"
    return "suspended"


def can_shop(state):
    """Only a suspension stops her (an unsubscribed member is a customer like
    any other where non-members may shop)."""
    return state != "suspended"


def capped(counter, points, max_credit):
    """The points an event adds: a member may get ahead by ``max_credit``
    shifts at most, never more (a debt is never capped)."""
    if points > 0:
        return max(0, min(points, max_credit - counter))
    return points
