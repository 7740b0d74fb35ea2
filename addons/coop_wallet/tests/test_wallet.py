# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "coop_wallet")
class TestWallet(TransactionCase):
    """The prepaid account's set-up on the demo data: accounts, tiers, VAT,
    the sale lines that are money and not goods."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = cls.env.ref("coop_wallet.coop_wallet_program")
        cls.top_ups = cls.program.rule_ids.product_ids
        cls.wallet_product = cls.program.reward_ids.discount_line_product_id
        cls.donation = cls.env.ref("coop_wallet.product_fund_donation")
        cls.tier_b = cls.env.ref("coop_solidarity_price.coop_price_tier_b_demo")

    def test_program_is_odoos_ewallet_in_euros(self):
        self.assertEqual(self.program.program_type, "ewallet")
        self.assertEqual(self.program.company_id, self.env.ref("base.main_company"))
        self.assertEqual(len(self.top_ups), 3)
        self.assertEqual(sorted(self.top_ups.mapped("lst_price")), [10.0, 20.0, 50.0])
        self.assertTrue(all(self.top_ups.mapped("available_in_pos")))

    def test_money_books_to_customer_advances(self):
        for product in self.top_ups | self.wallet_product:
            with self.subTest(product=product.name):
                self.assertEqual(product.property_account_income_id.code, "419100")
                self.assertFalse(product.taxes_id)
        self.assertEqual(self.donation.property_account_income_id.code, "758000")

    def test_a_new_ewallet_program_gets_the_advance_account(self):
        top_up = self.env["product.product"].create(
            {"name": "Recharge test", "list_price": 5.0, "taxes_id": False}
        )
        program = self.env["loyalty.program"].create(
            {
                "name": "Autre porte-monnaie",
                "program_type": "ewallet",
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "money",
                            "reward_point_amount": 1,
                            "product_ids": [Command.set(top_up.ids)],
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_point",
                            "discount": 1,
                            "discount_applicability": "order",
                            "required_points": 1,
                        }
                    )
                ],
            }
        )
        self.assertEqual(top_up.property_account_income_id.code, "419100")
        self.assertEqual(
            program.reward_ids.discount_line_product_id.property_account_income_id.code,
            "419100",
        )

    def test_no_tier_discounts_money(self):
        pricelist = self.tier_b.pricelist_id
        for product in self.top_ups | self.donation:
            with self.subTest(product=product.name):
                self.assertEqual(
                    pricelist._get_product_price(product, 1.0), product.lst_price
                )
        # A tier created later lists them too.
        tier = self.env["coop.price.tier"].create(
            {"name": "−50 % test", "display_label": "Tarif T", "price_change": -50}
        )
        self.assertEqual(
            tier.pricelist_id._get_product_price(self.top_ups[:1], 1.0),
            self.top_ups[:1].lst_price,
        )
        # And a product that becomes a top-up is taken out of the tiers.
        product = self.env["product.product"].create(
            {"name": "Recharge 5 €", "list_price": 5.0, "taxes_id": False}
        )
        self.assertEqual(pricelist._get_product_price(product, 1.0), 3.0)
        product.coop_money_kind = "top_up"
        self.assertEqual(pricelist._get_product_price(product, 1.0), 5.0)

    def test_money_carries_no_vat(self):
        tax = self.env["account.tax"].search(
            [("company_id", "=", self.env.company.id), ("type_tax_use", "=", "sale")],
            limit=1,
        )
        top_up = self.top_ups[:1]
        with self.assertRaisesRegex(ValidationError, "no VAT"):
            top_up.product_tmpl_id.write({"taxes_id": [Command.set(tax.ids)]})

    def test_backend_sale_paid_with_the_account_feeds_the_fund_with_goods_only(self):
        karim = self.env.ref("coop_members.coop_member_demo_04")
        card = self.env.ref("coop_wallet.coop_wallet_card_karim_demo")
        self.assertEqual(karim.property_product_pricelist, self.tier_b.pricelist_id)
        bread = self.env.ref("coop_members.product_pain_campagne_demo")
        order = self.env["sale.order"].create(
            {
                "partner_id": karim.id,
                "order_line": [
                    Command.create({"product_id": bread.id, "product_uom_qty": 3})
                ],
            }
        )
        goods = order.order_line
        order._update_programs_and_rewards()
        status = order._apply_program_reward(self.program.reward_ids, card)
        self.assertNotIn("error", status)
        wallet_line = order.order_line - goods
        self.assertAlmostEqual(wallet_line.price_total, -goods.price_total, 2)
        self.assertFalse(order._coop_tiered_lines() & wallet_line)
        order.action_confirm()
        entries = self.env["coop.solidarity.entry"].search(
            [("sale_order_line_id", "in", order.order_line.ids)]
        )
        self.assertEqual(entries.sale_order_line_id, goods)
        card.invalidate_recordset()
        self.assertAlmostEqual(card.points, 40.0 - goods.price_total, 2)
