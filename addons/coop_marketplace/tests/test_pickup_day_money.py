# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace")
class TestPickupDayMoney(TransactionCase):
    """Pickup day says what each member still pays, from the money's owner:
    the whole order paid at pickup, nothing once paid."""

    def test_pay_at_pickup_orders_show_what_to_collect(self):
        orders = self.env["sale.order"].search(
            [("coop_slot_id", "!=", False), ("state", "=", "sale")]
        )
        at_pickup = orders.filtered(
            lambda o: (
                not o._coop_money().paid["online"]
                and not o.coop_paid_at_pickup
                and not o.transaction_ids.filtered(lambda t: t.state == "done")
            )
        )
        self.assertTrue(at_pickup, "the demo has orders paid at pickup")
        order = at_pickup[0]
        self.assertEqual(order.coop_amount_to_collect, order._coop_money().due)
        self.assertGreater(order.coop_amount_to_collect, 0)
        # Before the fix the volunteers' column ("Left to pay") was blank
        # for every pay-at-pickup order.
        self.assertFalse(order.coop_amount_due)
        order._coop_collect_due()
        order.invalidate_recordset(["coop_amount_to_collect"])
        self.assertEqual(order.coop_amount_to_collect, 0.0)
