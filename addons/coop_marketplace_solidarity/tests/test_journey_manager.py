# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace_solidarity", "coop_tour")
class TestJourneyManager(HttpCase):
    """The manager's journey on the demo data: the demo login "gerante", a
    demo member, the demo fund and cycle; no set-up of its own."""

    def test_manager_subscribes_shares_and_reads_fund_and_cycle(self):
        camille = self.env.ref("coop_members.coop_member_demo_01")
        held = camille.coop_share_count
        last = self.env["coop.share.movement"].search(
            [("state", "=", "confirmed")], order="name desc", limit=1
        )
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        self.assertEqual(cycle.state, "open")
        # Last month's cycle left a refund to make by hand.
        refund = self.env.ref(
            "coop_marketplace.sale_order_closed_2_demo"
        ).coop_refund_ids
        self.assertEqual(refund.state, "manual")
        self.assertTrue(refund.activity_ids)

        self.start_tour("/odoo", "coop_journey_manager", login="gerante")

        camille.invalidate_recordset()
        self.assertEqual(camille.coop_share_count, held + 2)
        movement = self.env["coop.share.movement"].search(
            [("partner_id", "=", camille.id)], order="id desc", limit=1
        )
        self.assertEqual(movement.state, "confirmed")
        self.assertEqual(movement.quantity, 2)
        self.assertEqual(movement.create_uid.login, "gerante")

        # Numbered after the last entry of the register, chronologically.
        def number(name):
            return int(name.rsplit("/", 1)[-1])

        self.assertEqual(number(movement.name), number(last.name) + 1)
        self.assertGreaterEqual(movement.date, last.date)
        self.assertIn(movement.invoice_id.payment_state, ("paid", "in_payment"))
        # The refund made by hand is marked so; its to-do is done.
        self.assertEqual(refund.state, "done")
        self.assertFalse(refund.activity_ids)
        self.assertEqual(refund.write_uid.login, "gerante")
