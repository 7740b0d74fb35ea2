# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_tour")
class TestTeamLeaderChecksIn(HttpCase):
    """The demo's tablet (``caisse``): a shelves shift starts now with
    Sophie and Nicolas; Sophie is checked in, Nicolas marked absent; his
    counter then owes a make-up."""

    def test_the_team_leader_checks_the_volunteers_in(self):
        company = self.env.ref("base.main_company")
        now = fields.Datetime.now()
        shift = self.env["coop.shift"].create(
            {
                "company_id": company.id,
                "kind": "shelves",
                "start": now,
                "stop": now + timedelta(hours=2),
                "seats": 2,
                "place": "Magasin, rue des Postes",
            }
        )
        Participation = self.env["coop.shift.participation"]
        registrations = self.env["coop.shift.registration"]
        for xmlid in (
            "coop_members.coop_member_demo_03",
            "coop_members.coop_member_demo_06",
        ):
            partner = self.env.ref(xmlid)
            participation = Participation.search([("partner_id", "=", partner.id)])
            registrations |= registrations.create(
                {
                    "shift_id": shift.id,
                    "participation_id": participation.id,
                    "partner_id": partner.id,
                    "origin": "makeup",
                }
            )
        self.start_tour("/odoo", "coop_shift_team_leader_checks_in", login="caisse")
        self.assertEqual(registrations.mapped("state"), ["attended", "absent"])
        self.assertEqual(registrations[1].participation_id.counter, -1)
