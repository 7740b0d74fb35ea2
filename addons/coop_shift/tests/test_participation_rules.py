# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CoopShiftCommon

# What a member's history is made of, as she and her team leader live it.
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(
            st.just("regular"),
            st.sampled_from(["attended", "absent", "excused", "swapped"]),
        ),
        st.tuples(st.just("makeup"), st.sampled_from(["attended", "absent"])),
        st.tuples(st.just("leave"), st.integers(min_value=1, max_value=40)),
        st.tuples(st.just("wait"), st.integers(min_value=1, max_value=40)),
    ),
    min_size=1,
    max_size=12,
)


def expected_state(counter, since, leaves, day, grace_days=28):
    """The coop's rules, written out again for the test."""
    if any(start <= day <= end for start, end in leaves):
        return "on_leave"
    if counter >= 0:
        return "up_to_date"
    grace_from = max(
        [since] + [end + timedelta(days=1) for _s, end in leaves if since <= end < day]
    )
    return "alert" if day < grace_from + timedelta(days=grace_days) else "suspended"


@tagged("post_install", "-at_install")
class TestParticipationRules(CoopShiftCommon):
    """The counter is the rules applied to the member's history; the state
    follows from it, the leaves and the days to catch up; whoever is
    suspended may not shop."""

    @settings(
        max_examples=30,
        deadline=None,
        derandomize=True,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
        ],
    )
    @given(operations=OPERATIONS)
    def test_the_counter_is_the_rules_applied_to_her_history(self, operations):
        savepoint = self.env.cr.savepoint()
        try:
            self._live(operations)
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all()

    def _live(self, operations):
        day = fields.Date.today() + timedelta(days=10)
        counter, since, leaves = 0, None, []
        participation = self.participation
        for operation, value in operations:
            points = None
            on_leave = any(start <= day <= end for start, end in leaves)
            if operation == "wait":
                day += timedelta(days=value)
            elif operation == "leave":
                leaves.append((day, day + timedelta(days=value)))
                self.env["coop.shift.leave"].create(
                    {
                        "participation_id": participation.id,
                        "date_start": day,
                        "date_end": day + timedelta(days=value),
                    }
                )
            elif operation == "regular" and not on_leave:
                registration = self._register(self._shift(day))
                if value == "swapped":
                    registration._coop_offer_swap()
                    registration._coop_take_swap(self.other_participation, self.other)
                    self.assertEqual(registration.state, "swapped")
                    points = 0
                elif value == "excused":
                    registration._coop_announce_absence()
                    points = -1
                else:
                    registration._coop_set_attendance(value)
                    points = {"attended": 0, "absent": -2}[value]
            elif operation == "makeup":
                registration = self._register(
                    self._shift(day, hour=14), origin="makeup"
                )
                registration._coop_set_attendance(value)
                points = min(1, 1 - counter) if value == "attended" else -1
                points = max(points, 0) if value == "attended" else points
            if points is not None:
                before, counter = counter, counter + points
                if counter < 0 <= before:
                    since = day
                elif counter >= 0:
                    since = None
            participation._coop_update_states(today=day)
            state = expected_state(counter, since, leaves, day)
            self.assertEqual(
                (participation.counter, participation.state),
                (counter, state),
                f"after {operation} {value} on {day}",
            )
            self.assertEqual(participation.alert_since, since if counter < 0 else False)
            self.assertEqual(participation.can_shop, state != "suspended")

    def test_a_suspended_member_is_shown_at_the_till_and_may_not_shop(self):
        """Two missed shifts a month ago: alert, then suspended after the 28
        days; the partner's fields the till loads say so."""
        day = fields.Date.today() - timedelta(days=40)
        self._register(self._shift(day)).action_absent()
        self.participation._coop_update_states(today=day + timedelta(days=27))
        self.assertEqual(self.participation.state, "alert")
        self.participation._coop_update_states()
        self.assertEqual(
            (self.participation.state, self.participation.counter), ("suspended", -2)
        )
        self.member.invalidate_recordset()
        self.assertEqual(
            (self.member.coop_shift_state, self.member.coop_can_shop),
            ("suspended", False),
        )
        # Her history says why, with the date.
        message = self.participation.message_ids[:1]
        self.assertIn("Suspended", message.body)
        # One make-up done of the two: still suspended; both: she may shop.
        for hour in (14, 17):
            makeup = self._register(
                self._shift(fields.Date.today() + timedelta(days=2), hour=hour),
                origin="makeup",
            )
            makeup.action_attended()
            self.assertEqual(self.participation.can_shop, hour == 17)
        self.assertEqual(
            (self.participation.counter, self.participation.state), (0, "up_to_date")
        )

    def test_a_flying_member_owes_her_shifts_each_cycle(self):
        """On the first day of a cycle each flying member owes one shift
        (once, however often the job runs); on leave that day, nothing."""
        cycle_day = self.company.coop_shift_cycle_start + timedelta(weeks=4)
        flying = self.other_participation
        flying._coop_charge_flying_cycle(cycle_day)
        flying._coop_charge_flying_cycle(cycle_day)
        self.assertEqual(flying.counter, -1)
        flying._coop_charge_flying_cycle(cycle_day + timedelta(days=1))
        self.assertEqual(flying.counter, -1, "not a cycle's first day")
        self.env["coop.shift.leave"].create(
            {
                "participation_id": flying.id,
                "date_start": cycle_day + timedelta(weeks=3),
                "date_end": cycle_day + timedelta(weeks=5),
            }
        )
        flying._coop_charge_flying_cycle(cycle_day + timedelta(weeks=4))
        self.assertEqual(flying.counter, -1, "on leave on the cycle's first day")

    def test_a_household_shares_the_membership(self):
        """Her partner, on her membership, shows her state at the till and
        may do her shifts; a person is in one household per coop."""
        partner = self.env["res.partner"].create({"name": "Noé Test"})
        self.participation.household_partner_ids = partner
        self.env.invalidate_all()
        self.assertEqual(partner.coop_shift_state, "up_to_date")
        shift = self._shift(fields.Date.today() + timedelta(days=3))
        registration = self.env["coop.shift.registration"].create(
            {
                "shift_id": shift.id,
                "participation_id": self.participation.id,
                "partner_id": partner.id,
                "origin": "makeup",
            }
        )
        registration.action_absent()
        self.assertEqual(self.participation.counter, -1)
        self.env.invalidate_all()
        self.assertEqual(partner.coop_shift_state, "alert")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.other_participation.household_partner_ids = partner
        stranger = self.env["res.partner"].create({"name": "Inconnue"})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.env["coop.shift.registration"].create(
                {
                    "shift_id": shift.id,
                    "participation_id": self.participation.id,
                    "partner_id": stranger.id,
                }
            )
