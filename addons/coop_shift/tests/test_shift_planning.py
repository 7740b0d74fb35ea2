# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CoopShiftCommon


@tagged("post_install", "-at_install")
class TestShiftPlanning(CoopShiftCommon):
    """Templates become shifts on the cycle's weeks, in the coop's local
    hours, with their regular members; attendance is recorded once."""

    def test_templates_become_the_shifts_of_their_weeks(self):
        # Cycle from Monday 7 January 2030 (week A): the Saturdays of week A
        # are 12 January and 9 February (four weeks later).
        start = fields.Date.to_date("2030-01-07")
        shifts = self.template._coop_generate_shifts(start, start + timedelta(weeks=8))
        self.assertEqual(
            shifts.mapped("start"),
            # 09:00 in Lille is 08:00 UTC in winter.
            [datetime(2030, 1, 12, 8, 0), datetime(2030, 2, 9, 8, 0)],
        )
        self.assertEqual(shifts.registration_ids.partner_id, self.member)
        self.assertEqual(set(shifts.registration_ids.mapped("origin")), {"regular"})
        self.assertEqual(shifts.mapped("coverage"), ["short", "short"])
        self.assertEqual(shifts.mapped("seats_missing"), [2, 2])
        # Run again: nothing doubled.
        again = self.template._coop_generate_shifts(start, start + timedelta(weeks=8))
        self.assertFalse(again)
        # Summer time: 09:00 is 07:00 UTC.
        summer = self.template._coop_generate_shifts(
            fields.Date.to_date("2030-06-01"), fields.Date.to_date("2030-06-30")
        )
        self.assertEqual(
            summer.mapped("start"),
            [datetime(2030, 6, 1, 7, 0), datetime(2030, 6, 29, 7, 0)],
        )

    def test_a_leave_frees_her_regular_shifts(self):
        start = fields.Date.to_date("2030-01-07")
        shifts = self.template._coop_generate_shifts(start, start + timedelta(weeks=8))
        self.env["coop.shift.leave"].create(
            {
                "participation_id": self.participation.id,
                "date_start": fields.Date.to_date("2030-02-01"),
                "date_end": fields.Date.to_date("2030-03-31"),
                "reason": "Congé parental",
            }
        )
        self.assertEqual(len(shifts[0].registration_ids), 1)
        self.assertFalse(shifts[1].registration_ids, "freed, without penalty")
        self.assertEqual(self.participation.counter, 0)
        later = self.template._coop_generate_shifts(
            fields.Date.to_date("2030-03-01"), fields.Date.to_date("2030-04-30")
        )
        self.assertEqual(
            later.filtered(
                lambda s: s.start.date() < fields.Date.to_date("2030-04-01")
            ).registration_ids,
            self.env["coop.shift.registration"],
        )
        self.assertTrue(later.filtered(lambda s: s.start.month == 4).registration_ids)

    def test_the_team_leader_records_attendance_once(self):
        shift = self._shift(fields.Date.today() - timedelta(days=1))
        present = self._register(shift)
        flying = self._register(shift, self.other_participation, origin="flying")
        present.action_attended()
        shift.action_close_attendance()
        self.assertEqual(flying.state, "absent")
        self.assertEqual(shift.state, "done")
        self.assertEqual(
            (self.participation.counter, self.other_participation.counter), (0, -1)
        )
        with self.assertRaises(UserError):
            present.action_absent()
        with self.assertRaises(UserError):
            shift.action_close_attendance()
        self.assertEqual(self.participation.counter, 0)

    def test_a_forgotten_shift_is_closed_by_the_job(self):
        shift = self._shift(fields.Date.today() - timedelta(days=3))
        registration = self._register(shift)
        self.env["coop.shift"]._cron_close_past_shifts()
        self.assertEqual(registration.state, "absent")
        self.assertEqual(self.participation.counter, -2)

    def test_she_checks_in_herself_until_the_late_limit(self):
        now = fields.Datetime.now()
        shift = self._shift(now.date(), hour=0)
        shift.write(
            {"start": now - timedelta(minutes=10), "stop": now + timedelta(hours=2)}
        )
        self._register(shift)._coop_check_in()
        late = self._shift(now.date(), hour=0)
        late.write(
            {"start": now - timedelta(minutes=30), "stop": now + timedelta(hours=2)}
        )
        registration = self._register(late)
        with self.assertRaisesRegex(UserError, "team leader"):
            registration._coop_check_in()
        self.assertEqual(registration.state, "open")

    def test_the_reminder_is_in_her_language(self):
        """Two days before, in French, without making her a follower."""
        self.env.ref("base.lang_fr").active = True
        self.env["ir.module.module"]._load_module_terms(["coop_shift"], ["fr_FR"])
        shift = self._shift(fields.Date.today() + timedelta(days=1))
        shift.place = "Magasin, rue des Postes"
        registration = self._register(shift)
        self.env["coop.shift.registration"].with_context(
            mail_notify_force_send=False
        )._cron_send_reminders()
        self.assertTrue(registration.reminded)
        message = self.env["mail.message"].search(
            [
                ("model", "=", "coop.shift.participation"),
                ("res_id", "=", self.participation.id),
                ("partner_ids", "in", self.member.ids),
            ]
        )
        self.assertEqual(len(message), 1)
        self.assertIn("on vous attend", message.body)
        self.assertIn("Votre créneau du", message.subject)
        self.assertNotIn(self.member, self.participation.message_partner_ids)
