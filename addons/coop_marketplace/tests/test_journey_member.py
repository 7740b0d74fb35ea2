# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install", "coop_marketplace", "coop_tour")
class TestJourneyMember(HttpCase):
    """The member's journey on the demo data, on a phone: the demo login
    "membre", the demo's open cycle, pickup points and "Pay at pickup"; no
    set-up of its own."""

    browser_size = "390x844"
    touch_enabled = True

    def test_member_orders_and_pays_at_pickup(self):
        member = self.env.ref("coop_members.res_users_member_demo").partner_id
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        before = self.env["sale.order"].search([("partner_id", "=", member.id)])
        self.start_tour("/shop", "coop_marketplace_journey_member", login="membre")

        order = self.env["sale.order"].search([("partner_id", "=", member.id)]) - before
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale", "pay at pickup confirms the order")
        self.assertEqual(order.coop_cycle_id, cycle)
        self.assertEqual(order.carrier_id.delivery_type, "coop_pickup")
        point = self.env.ref("coop_marketplace.coop_pickup_point_hellemmes_demo")
        self.assertEqual(order.coop_point_id, point)
        slot = order.coop_slot_id
        self.assertEqual(slot.point_id, point)
        self.assertEqual(
            slot.booked,
            self.env["sale.order"].search_count(
                [("coop_slot_id", "=", slot.id), ("state", "!=", "cancel")]
            ),
        )
        products = order.order_line.filtered(
            lambda line: not line.is_delivery
        ).product_id
        self.assertEqual(
            set(products.mapped("coop_producer_id.name")),
            {"Ferme des Marais", "Verger Debuyser"},
        )
        # Prices from the server: the member's tier (Tarif B) pricelist.
        self.assertEqual(order.pricelist_id, member.property_product_pricelist)
        for line in order.order_line.filtered(lambda line: not line.is_delivery):
            self.assertAlmostEqual(
                line.price_unit,
                order.pricelist_id._get_product_price(
                    line.product_id, line.product_uom_qty
                ),
            )
        self.assertEqual(
            order.transaction_ids.provider_id.custom_mode, "coop_at_pickup"
        )
        # Pickup day lists it, for the volunteers of that slot.
        action = self.env.ref("coop_marketplace.sale_order_action_pickup")
        self.assertIn(order, self.env["sale.order"].search(safe_eval(action.domain)))
        # The member's pickup details, by email, in French.
        # The coop's own message (its id in the body); the member placed the
        # order herself, and is e-mailed all the same: Odoo skips the user
        # who acts unless told she is addressed.
        message = order.message_ids.filtered(
            lambda m: member in m.partner_ids and "coop_message_where" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Bonjour", message[0].body)
        self.assertIn("Votre commande", message[0].body)
        self.assertTrue(
            self.env["mail.mail"].search([("mail_message_id", "in", message.ids)]),
            "the email is queued",
        )
