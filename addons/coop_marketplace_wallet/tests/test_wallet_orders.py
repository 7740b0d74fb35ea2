# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace_wallet", "coop_tour")
class TestWalletOrders(HttpCase):
    """The demo member pays her order of the open cycle with her prepaid
    account (25 € in the demo), on her phone; then her order shrinks and
    the account gets the difference back."""

    browser_size = "390x844"

    def test_member_pays_the_cycle_with_her_account_and_gets_back_a_smaller_order(
        self,
    ):
        amina_user = self.env.ref("coop_members.res_users_member_demo")
        amina = amina_user.partner_id
        card = self.env.ref("coop_wallet.coop_wallet_card_amina_demo")
        self.assertEqual(card.points, 25.0)

        self.start_tour(
            "/shop", "coop_marketplace_wallet_journey_member", login="membre"
        )

        order = self.env["sale.order"].search(
            [("partner_id", "=", amina.id), ("website_id", "!=", False)],
            order="id desc",
            limit=1,
        )
        self.assertEqual(order.state, "sale")
        self.assertTrue(order.coop_slot_id)
        wallet_line = order._coop_wallet_lines()
        goods = order.order_line - wallet_line
        carrots = goods.filtered(lambda line: line.product_uom_qty == 2)
        self.assertEqual(len(carrots), 1)
        goods_total = sum(goods.mapped("price_total"))
        self.assertGreater(goods_total, 0)
        self.assertAlmostEqual(wallet_line.price_total, -goods_total, 2)
        self.assertAlmostEqual(order.amount_total, 0.0, 2)
        card.invalidate_recordset()
        self.assertAlmostEqual(card.points, 25.0 - goods_total, 2)
        # The fund: the carrots at her tier, never the account's line.
        entries = self.env["coop.solidarity.entry"].search(
            [("sale_order_line_id", "in", order.order_line.ids)]
        )
        self.assertEqual(entries.sale_order_line_id, carrots)

        # She takes one kilo off before the close: the account gets one
        # kilo back, nothing is left to pay, the history says why.
        # As her order page does (order_sudo, after checking the order is hers).
        order.sudo()._coop_member_edit({carrots: 1})
        card.invalidate_recordset()
        self.assertAlmostEqual(
            card.points, 25.0 - carrots.price_total, 2, "one kilo back"
        )
        self.assertAlmostEqual(order.amount_total, 0.0, 2)
        self.assertTrue(
            card.history_ids.filtered(lambda h: h.order_id == order.id and h.issued > 0)
        )

        # The staff lower a price on the order's form after the close (the
        # order unlocked for it): the same, through the money's owner.
        order.action_lock()
        before = card.points
        order.action_unlock()
        order.write(
            {
                "order_line": [
                    Command.update(carrots.id, {"price_unit": carrots.price_unit / 2})
                ]
            }
        )
        order.action_lock()
        card.invalidate_recordset()
        self.assertGreater(card.points, before)
        self.assertAlmostEqual(order.amount_total, 0.0, 2)
        self.assertFalse(order.coop_refund_ids, "all of it went back to the account")
