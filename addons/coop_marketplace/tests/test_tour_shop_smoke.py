# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


# post_install: website assets and tours need every module loaded.
@tagged("post_install", "-at_install", "coop_marketplace", "coop_tour")
class TestShopSmokeTour(HttpCase):
    """A website visitor fills a cart and reaches the checkout."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.website = cls.env["website"].get_current_website()
        # The plain shop, without order cycles (a setting of the website).
        cls.website.coop_cycle_shop = False
        cls.product = cls.env["product.product"].create(
            {
                "name": "Miel de Flandre",
                "type": "consu",
                "list_price": 8.40,
                "sale_ok": True,
                "is_published": True,
                "website_id": cls.website.id,
                "taxes_id": [Command.clear()],
            }
        )

    def test_visitor_reaches_checkout(self):
        self.start_tour("/shop?search=Miel+de+Flandre", "coop_marketplace_shop_smoke")
        cart = self.env["sale.order"].search(
            [
                ("website_id", "=", self.website.id),
                ("order_line.product_id", "=", self.product.id),
            ]
        )
        self.assertEqual(len(cart), 1)
        self.assertEqual(cart.state, "draft")
        self.assertEqual(cart.partner_id, self.website.user_id.partner_id)
        self.assertAlmostEqual(cart.amount_total, 8.40)
