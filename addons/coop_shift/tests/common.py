# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import fields
from odoo.tests import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class CoopShiftCommon(TransactionCase):
    """A coop of its own (rules: a missed shift costs 2 make-ups, an
    announced absence 1, one shift ahead at most, 28 days to catch up), a
    Saturday-morning till template of week A, and active members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env["res.company"].create(
            {
                "name": "Épicerie des Tests",
                "coop_shift_cycle_start": fields.Date.to_date("2030-01-07"),
            }
        )
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                allowed_company_ids=[cls.company.id],
            )
        )
        cls.env.user.company_ids |= cls.company
        cls.env.user.company_id = cls.company
        cls.template = cls.env["coop.shift.template"].create(
            {
                "company_id": cls.company.id,
                "week_number": 1,
                "weekday": "5",
                "start_hour": 9.0,
                "duration": 3.0,
                "kind": "till",
                "seats": 3,
                "place": "Magasin",
            }
        )
        cls.member = cls._active_member("Lina Test")
        cls.other = cls._active_member("Omar Test")
        Participation = cls.env["coop.shift.participation"]
        cls.participation = Participation.create(
            {
                "partner_id": cls.member.id,
                "company_id": cls.company.id,
                "kind": "regular",
                "template_id": cls.template.id,
            }
        )
        cls.other_participation = Participation.create(
            {
                "partner_id": cls.other.id,
                "company_id": cls.company.id,
                "kind": "flying",
            }
        )

    @classmethod
    def _active_member(cls, name):
        partner = cls.env["res.partner"].create({"name": name, "lang": "fr_FR"})
        partner.with_company(cls.company).coop_member_state = "active"
        return partner

    def _shift(self, day, hour=9, seats=3):
        """A shift of the template on ``day`` at ``hour`` (UTC)."""
        start = datetime.combine(day, time()) + timedelta(hours=hour)
        return self.env["coop.shift"].create(
            {
                "company_id": self.company.id,
                "template_id": self.template.id,
                "start": start,
                "stop": start + timedelta(hours=3),
                "kind": "till",
                "seats": seats,
            }
        )

    def _register(self, shift, participation=None, origin="regular"):
        participation = participation or self.participation
        return self.env["coop.shift.registration"].create(
            {
                "shift_id": shift.id,
                "participation_id": participation.id,
                "partner_id": participation.partner_id.id,
                "origin": origin,
            }
        )
