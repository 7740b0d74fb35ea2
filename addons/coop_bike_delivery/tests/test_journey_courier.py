# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_bike_delivery", "coop_tour")
class TestJourneyCourier(HttpCase):
    """The demo courier ("coursier") rides the open cycle's round on a
    phone, on the demo data: Nicolas delivered, Marie-Claire absent,
    Élodie delivered."""

    browser_size = "390x844"
    touch_enabled = True

    def test_courier_works_a_round_of_three_stops(self):
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        round_ = self.env["stock.picking.batch"].search(
            [("coop_cycle_id", "=", cycle.id), ("coop_is_round", "=", True)]
        )
        self.assertEqual(round_.user_id.login, "coursier")
        nicolas, marie, elodie = (
            self.env.ref(f"coop_bike_delivery.sale_order_bike_{n}_demo")
            for n in ("06", "07", "05")
        )
        members = (nicolas | marie | elodie).partner_id
        mails_before = self.env["mail.mail"].search(
            [("recipient_ids", "in", members.ids)]
        )

        self.start_tour("/my", "coop_bike_delivery_journey_courier", login="coursier")

        self.assertEqual(nicolas.coop_delivery_state, "delivered")
        self.assertEqual(elodie.coop_delivery_state, "delivered")
        self.assertEqual(marie.coop_delivery_state, "missed")
        self.assertEqual(marie.coop_missed_reason, "Personne à l'interphone")
        for order in (nicolas, elodie):
            self.assertEqual(set(order.picking_ids.mapped("state")), {"done"})
        self.assertNotIn("done", marie.picking_ids.mapped("state"))
        self.assertEqual(round_.coop_round_state, "done")
        mails = (
            self.env["mail.mail"].search([("recipient_ids", "in", members.ids)])
            - mails_before
        )
        # Three "on its way", one "nobody home", in French.
        self.assertEqual(len(mails), 4)
        missed = mails.filtered(lambda m: "Personne à l'interphone" in m.body_html)
        self.assertEqual(missed.recipient_ids, marie.partner_id)
        self.assertIn("Lille-Fives", missed.body_html)
        self.assertEqual(
            len(mails.filtered(lambda m: "est partie avec notre" in m.body_html)), 3
        )
