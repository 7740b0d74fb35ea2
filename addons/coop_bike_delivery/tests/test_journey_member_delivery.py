# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_bike_delivery", "coop_tour")
class TestJourneyMemberDelivery(HttpCase):
    """The demo member ("membre") has her basket delivered by bike, on a
    phone, on the demo data."""

    browser_size = "390x844"
    touch_enabled = True

    def test_member_orders_a_bike_delivery(self):
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        bike = self.env.ref("coop_marketplace.delivery_carrier_bike_demo")
        slots = self.env["coop.slot"].search(
            [
                (
                    "cycle_id",
                    "=",
                    self.env.ref("coop_marketplace.coop_order_cycle_demo").id,
                ),
                ("kind", "=", "delivery"),
            ]
        )
        booked_before = sum(slots.mapped("booked"))

        self.start_tour("/shop", "coop_bike_delivery_journey_member", login="membre")

        order = self.env["sale.order"].search(
            [("partner_id", "=", amina.id)], order="id desc", limit=1
        )
        self.assertEqual(order.state, "sale", "paid online: confirmed")
        self.assertEqual(order.carrier_id, bike)
        self.assertIn(order.coop_slot_id, slots)
        self.assertEqual(sum(slots.mapped("booked")), booked_before + 1)
        self.assertEqual(order.coop_delivery_notes, "Sonnez chez Benali, 3e étage")
        fee = order.order_line.filtered("is_delivery")
        # The reference fee whatever her tier (out of the fund:
        # coop_marketplace_solidarity's tests): 4 € + VAT, her basket is
        # small.
        self.assertEqual(fee.price_unit, 4.0)
        self.assertEqual(fee.price_total, 4.8)
        self.assertEqual(
            order.transaction_ids.filtered(lambda tx: tx.state == "done").amount,
            order.amount_total,
        )
