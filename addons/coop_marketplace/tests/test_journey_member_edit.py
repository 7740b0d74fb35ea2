# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace", "coop_tour")
class TestJourneyMemberEdit(HttpCase):
    """The member changes her order before the close, on a phone, on the
    demo data: the login "membre", her order of the open cycle; no set-up of
    its own."""

    browser_size = "390x844"
    touch_enabled = True

    def test_member_changes_her_order_before_the_close(self):
        order = self.env.ref("coop_marketplace.sale_order_amina_demo")
        self.assertEqual(order.coop_cycle_id.state, "open")
        carrots = self.env.ref(
            "coop_producers.product_marais_1_demo"
        ).product_variant_id
        leeks = self.env.ref("coop_producers.product_marais_2_demo").product_variant_id
        slot = order.coop_slot_id
        self.assertTrue(slot)
        total_before = order.amount_total

        self.start_tour(
            f"/my/orders?coop_order={order.name}",
            "coop_marketplace_journey_member_edit",
            login="membre",
        )

        lines = order.order_line
        self.assertEqual(
            lines.filtered(lambda l: l.product_id == carrots).product_uom_qty, 3
        )
        leek_line = lines.filtered(lambda l: l.product_id == leeks)
        self.assertEqual(leek_line.product_uom_qty, 1)
        # Her prices, from the server; the slot kept; still paid at pickup.
        self.assertAlmostEqual(
            leek_line.price_unit, order.pricelist_id._get_product_price(leeks, 1.0)
        )
        self.assertEqual(order.coop_slot_id, slot)
        self.assertGreater(order.amount_total, total_before)
        self.assertFalse(order.coop_amount_due)
        self.assertFalse(order.coop_refund_ids)
        # The history says what changed.
        self.assertIn("Poireaux", order.message_ids[:1].body)
