"""The prepaid account (coop_wallet) in the shop (coop_marketplace) at a
discounted tier (coop_solidarity_price): the issue's case. A member at −40 %
with 20 € on her account buys 12 € of groceries in the shop and pays them
with it: the fund records the groceries' tier advantage exactly as without
the account, her balance is 8 € and the payment goes through the customer
advances account.

It spans three addons, hence its place among the repository's tests. The
top-up is made at the demo till by the demo cashier, 20 € cash.
"""

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class TestWalletShop(HttpCase):
    # Repository-level test: Odoo's loader names these for addon tests only.
    test_module, test_class, test_sequence = "coop_repository", "TestWalletShop", 0
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.tier = cls.env["coop.price.tier"].create(
            {
                "name": "Prix −40 % porte-monnaie",
                "display_label": "Tarif W",
                "price_change": -40,
                "rounding": 0.01,
            }
        )
        website = cls.env["website"].get_current_website()
        # The plain shop: the cycle isn't under test here.
        website.coop_cycle_shop = False
        # 20 € at the reference price, 12 € at −40 %; no VAT to keep the
        # figures of the issue.
        cls.groceries = cls.env["product.product"].create(
            {
                "name": "Panier épicerie porte-monnaie",
                "list_price": 20.0,
                "taxes_id": [Command.clear()],
                "is_published": True,
                "website_id": website.id,
                "sale_ok": True,
            }
        )
        cls.member_user = new_test_user(
            cls.env, login="coop_wallet_member", groups="base.group_portal"
        )
        cls.member = cls.member_user.partner_id
        share_class = cls.env["coop.share.class"].create(
            {"code": "PW", "name": "Wallet shares", "nominal_value": 10}
        )
        cls.env["coop.share.movement"].create(
            {
                "partner_id": cls.member.id,
                "share_class_id": share_class.id,
                "type": "subscription",
                "quantity": 1,
            }
        )._confirm()
        cls.member.write(
            {"coop_price_tier_id": cls.tier.id, "coop_tier_valid_until": "2099-12-31"}
        )
        cls.member.name = "Nadia Porte-Monnaie"
        cls.program = cls.env.ref("coop_wallet.coop_wallet_program")
        cls.till = cls.env["pos.config"].search([("name", "=", "Caisse épicerie")])

    def test_member_pays_groceries_with_her_account_at_her_tier(self):
        self.assertFalse(
            self.program.coupon_ids.filtered(lambda c: c.partner_id == self.member)
        )
        # 20 € cash at the till: her account is made and credited.
        self.start_tour(
            f"/pos/ui?config_id={self.till.id}&member={self.member.name}",
            "coop_wallet_top_up",
            login="caisse",
        )
        self.card = self.program.coupon_ids.filtered(
            lambda c: c.partner_id == self.member
        )
        self.assertEqual(self.card.points, 20.0)
        top_up = self.env["pos.order"].search(
            [("config_id", "=", self.till.id), ("partner_id", "=", self.member.id)]
        )
        self.assertEqual(top_up.amount_total, 20.0)
        self.assertFalse(
            self.env["coop.solidarity.entry"].search(
                [("pos_order_line_id", "in", top_up.lines.ids)]
            ),
            "a top-up is not a sale at a tier price",
        )
        session = top_up.session_id
        session.post_closing_cash_details(session.cash_register_balance_end)
        session.close_session_from_ui()
        credit = session.move_id.line_ids.filtered(
            lambda line: line.account_id.code == "419100"
        )
        self.assertEqual(sum(credit.mapped("credit")), 20.0)

        self.authenticate("coop_wallet_member", "coop_wallet_member")
        self.make_jsonrpc_request(
            "/shop/cart/update_json", {"product_id": self.groceries.id, "add_qty": 1}
        )
        cart = self.env["sale.order"].search(
            [("partner_id", "=", self.member.id), ("website_id", "!=", False)]
        )
        self.assertEqual(cart.amount_total, 12.0, "her tier's price")
        page = self.url_open("/shop/cart").text
        self.assertIn('name="claim_reward"', page, "the cart offers her account")
        reward = self.program.reward_ids
        self.url_open(
            "/shop/claimreward",
            data={
                "reward_id": reward.id,
                "code": self.card.code,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        cart.invalidate_recordset()
        wallet_line = cart.order_line.filtered("reward_id")
        self.assertEqual(wallet_line.price_total, -12.0)
        self.assertEqual(cart.amount_total, 0.0, "nothing left to pay")
        # The account's line is not discounted by the tier: the pricelist
        # leaves it as the reward made it.
        cart._recompute_prices()
        self.assertEqual(cart.order_line.filtered("reward_id").price_total, -12.0)

        cart.action_confirm()
        self.card.invalidate_recordset()
        self.assertEqual(self.card.points, 8.0)
        # The fund: the groceries' line only, as without the account.
        entries = self.env["coop.solidarity.entry"].search(
            [("sale_order_line_id", "in", cart.order_line.ids)]
        )
        self.assertEqual(entries.sale_order_line_id.product_id, self.groceries)
        self.assertEqual(entries.amount, -8.0)
        self.assertEqual(entries.member_advantage, 8.0)
        self.assertEqual(self.member._coop_advantage_used().get(self.member.id), 8.0)
        # Accounting: the groceries' revenue on their account, the payment
        # by the account on 419100 (customer advances): the liability of
        # the top-up goes down by 12 €.
        invoice = cart._create_invoices()
        invoice.action_post()
        advance = invoice.line_ids.filtered(
            lambda line: line.account_id.code == "419100"
        )
        self.assertEqual(advance.debit, 12.0)
        self.assertEqual(invoice.amount_total, 0.0)
        # What the coop owes her on the advance account: 20 − 12 = 8 €,
        # her balance.
        owed = self.env["account.move.line"].search(
            [
                ("account_id.code", "=", "419100"),
                ("parent_state", "=", "posted"),
                ("move_id", "in", (session.move_id | invoice).ids),
            ]
        )
        self.assertEqual(sum(owed.mapped("credit")) - sum(owed.mapped("debit")), 8.0)
