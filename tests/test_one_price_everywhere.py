"""One price everywhere: a member's tier gives the same unit price in a sale
order, in the shop (product page and cart, over HTTP, logged in) and at the
till (the POS tour of coop_solidarity_price checks the same figures on screen).

It spans coop_solidarity_price (tiers) and the shop of coop_marketplace
(website_sale), hence its place among the repository's tests.
"""

from odoo import Command
from odoo.tests import HttpCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

# Reference price → price at −60 % rounded to 0.05 (the tour expects these).
EXPECTED = {
    "Pain test": (4.20, 1.70),
    "Pommes test": (2.37, 0.95),
    "Bière test": (2.90, 2.90),
}


class TestOnePriceEverywhere(HttpCase):
    # Repository-level test: Odoo's loader names these for addon tests only.
    test_module, test_class, test_sequence = "coop_repository", "TestOnePrice", 0
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        Tier = cls.env["coop.price.tier"]
        cls.reference = Tier._get_reference_tier()
        categ = cls.env["product.category"].create({"name": "Épicerie prix"})
        alcohol = cls.env["product.category"].create(
            {"name": "Alcools prix", "parent_id": categ.id}
        )
        cls.tier = Tier.create(
            {
                "name": "Prix −60 %",
                "display_label": "Tarif P1",
                "price_change": -60,
                "rounding": 0.05,
                "excluded_categ_ids": [Command.link(alcohol.id)],
            }
        )
        website = cls.env["website"].get_current_website()
        # The plain shop: prices, not order cycles, are under test here.
        website.coop_cycle_shop = False
        cls.products = cls.env["product.product"].create(
            [
                {
                    "name": name,
                    "categ_id": (alcohol if name.startswith("Bière") else categ).id,
                    "list_price": reference,
                    "taxes_id": [Command.clear()],
                    "is_published": True,
                    "website_id": website.id,
                    "sale_ok": True,
                }
                for name, (reference, _tier) in EXPECTED.items()
            ]
        )
        cls.member_user = new_test_user(
            cls.env, login="coop_price_member", groups="base.group_portal"
        )
        cls.member = cls.member_user.partner_id
        share_class = cls.env["coop.share.class"].create(
            {"code": "PX", "name": "Price shares", "nominal_value": 10}
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

    def test_sale_order_shop_and_cart_agree(self):
        self.assertEqual(self.member.property_product_pricelist, self.tier.pricelist_id)
        order = self.env["sale.order"].create(
            {
                "partner_id": self.member.id,
                "order_line": [
                    Command.create({"product_id": product.id})
                    for product in self.products
                ],
            }
        )
        sale = {line.product_id.name: line.price_unit for line in order.order_line}
        self.authenticate("coop_price_member", "coop_price_member")
        for product in self.products:
            info = self.make_jsonrpc_request(
                "/website_sale/get_combination_info",
                {
                    "product_template_id": product.product_tmpl_id.id,
                    "product_id": product.id,
                    "combination": [],
                    "add_qty": 1,
                },
            )
            self.make_jsonrpc_request(
                "/shop/cart/update_json", {"product_id": product.id, "add_qty": 1}
            )
            expected = EXPECTED[product.name][1]
            with self.subTest(product=product.name):
                self.assertAlmostEqual(sale[product.name], expected)
                self.assertAlmostEqual(info["price"], expected)
        cart = self.env["sale.order"].search(
            [("partner_id", "=", self.member.id), ("website_id", "!=", False)]
        )
        self.assertEqual(cart.pricelist_id, self.tier.pricelist_id)
        for line in cart.order_line:
            self.assertAlmostEqual(line.price_unit, EXPECTED[line.product_id.name][1])

    def test_visitor_sees_reference_prices(self):
        for product in self.products:
            info = self.make_jsonrpc_request(
                "/website_sale/get_combination_info",
                {
                    "product_template_id": product.product_tmpl_id.id,
                    "product_id": product.id,
                    "combination": [],
                    "add_qty": 1,
                },
            )
            self.assertAlmostEqual(info["price"], EXPECTED[product.name][0])
