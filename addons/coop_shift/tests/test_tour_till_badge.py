# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_tour")
class TestCashierSeesShiftsBadge(HttpCase):
    """The demo: the team leader (``gerante``) marks Sophie absent at her
    shift that just started; at the till (``caisse``) her badge then shows
    the alert, and the suspended Laurent Caron is refused."""

    browser_size = "1024x768"

    def test_the_badge_follows_attendance(self):
        sophie = self.env.ref("coop_members.coop_member_demo_03")
        registration = self.env["coop.shift.registration"].search(
            [("partner_id", "=", sophie.id), ("state", "=", "open")],
            order="shift_start",
            limit=1,
        )
        self.assertTrue(registration, "Sophie has a shift planned")
        now = fields.Datetime.now()
        # Her shift started an hour ago.
        registration.shift_id.write(
            {"start": now - timedelta(hours=1), "stop": now + timedelta(hours=2)}
        )
        registration.with_user(
            self.env.ref("coop_members.res_users_manager_demo")
        ).action_absent()
        self.assertEqual(registration.participation_id.state, "alert")
        till = self.env.ref("coop_members.pos_config_epicerie_demo")
        self.start_tour(
            f"/pos/ui?config_id={till.id}", "coop_shift_cashier_badge", login="caisse"
        )
        self.assertFalse(
            self.env["pos.order"].search(
                [("config_id", "=", till.id), ("state", "in", ("paid", "done"))]
            )
        )
