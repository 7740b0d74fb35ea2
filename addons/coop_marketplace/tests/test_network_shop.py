# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestNetworkShop(common.CoopMarketplaceCommon, HttpCase):
    """Several cycles open at once: the épicerie's website sells its cycle,
    the network marketplace's website (another company) sells its own; on a
    website selling two cycles the member chooses one, and a basket holds
    one cycle's products."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.website_a = cls.env["website"].get_current_website()
        cls.website_a.coop_cycle_shop = True
        (cls.carrots | cls.beer).is_published = True
        cls.company_c = cls.env["res.company"].create({"name": "Court-circuit (essai)"})
        cls.website_c = cls.env["website"].create(
            {
                "name": "Court-circuit (essai)",
                "company_id": cls.company_c.id,
                "coop_cycle_shop": True,
            }
        )
        # The épicerie sells carrots; the marketplace, beer.
        cls.cycle.line_ids.filtered(
            lambda line: line.product_id != cls.carrots_product
        ).unlink()
        cls.cycle.action_open()
        cls.cycle_c = cls._create_cycle(
            "Cycle LeCourtCircuit",
            products=cls.beer_product,
            company_id=cls.company_c.id,
        )
        cls.cycle_c.action_open()

    def _shop_products(self, website):
        Website = self.env["website"].with_context(website_id=website.id)
        domain = Website.sale_product_domain()
        return self.env["product.template"].search(
            [*domain, ("id", "in", (self.carrots | self.beer).ids)]
        )

    def test_each_website_sells_its_companys_cycle(self):
        self.assertEqual(self.website_a._coop_open_cycles(), self.cycle)
        self.assertEqual(self.website_c._coop_open_cycles(), self.cycle_c)
        self.assertEqual(self._shop_products(self.website_a), self.carrots)
        self.assertEqual(self._shop_products(self.website_c), self.beer)

    def test_closing_one_cycle_leaves_the_other_untouched(self):
        order_a = self._create_order(self.cycle, qty=2)
        order_a.action_confirm()
        order_c = self._create_order(self.cycle_c, product=self.beer_product)
        order_c.company_id = self.company_c
        order_c.action_confirm()
        self.cycle_c._close()
        self.assertEqual(self.cycle_c.state, "closed")
        self.assertTrue(self.cycle_c.pooling_id)
        self.assertEqual(self.cycle.state, "open")
        self.assertFalse(self.cycle.pooling_id)
        self.assertFalse(self.cycle.batch_ids)
        self.assertEqual(order_a.state, "sale")
        self.assertFalse(order_a.locked)
        self.assertEqual(order_a.order_line.product_uom_qty, 2)
        self.assertEqual(self._shop_products(self.website_a), self.carrots)
        self.assertFalse(self._shop_products(self.website_c))

    def _cart_add(self, product):
        """The shop's "add to cart": the JSON answer (result or error)."""
        response = self.url_open(
            "/shop/cart/update_json",
            data=json.dumps(
                {"params": {"product_id": product.id, "add_qty": 1}}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_a_basket_holds_one_cycle(self):
        beer_cycle = self._create_cycle(
            "Cycle bière", products=self.beer_product, members_only=False
        )
        beer_cycle.action_open()
        self.cycle.members_only = False
        self.assertEqual(self.website_a._coop_open_cycles(), self.cycle | beer_cycle)
        self.authenticate(self.portal_member.login, self.portal_member.login)
        page = self.url_open("/shop").text
        self.assertIn("o_coop_cycle_choice", page)
        self.assertIn(f"/shop/cycle/{beer_cycle.id}", page)
        # The member chooses the carrots' cycle and fills a basket.
        page = self.url_open(f"/shop/cycle/{self.cycle.id}").text
        self.assertIn("Carottes A", page)
        self.assertNotIn("Bière B", page)
        self.assertIn("result", self._cart_add(self.carrots_product))
        cart = self.env["sale.order"].search(
            [("partner_id", "=", self.portal_member.partner_id.id)]
        )
        self.assertEqual(cart.coop_cycle_id, self.cycle)
        # The beer cycle's shop, then its beer: refused, said why.
        page = self.url_open(f"/shop/cycle/{beer_cycle.id}").text
        self.assertIn("Bière B", page)
        self.assertNotIn("Carottes A", page)
        with mute_logger("odoo.http"):
            answer = self._cart_add(self.beer_product)
        message = answer["error"]["data"]["message"]
        # The member's language: "Votre panier appartient au cycle ...".
        self.assertIn("Cycle test", message)
        self.assertIn("Cycle bière", message)
        self.assertEqual(cart.order_line.product_id, self.carrots_product)
        self.assertEqual(cart.coop_cycle_id, self.cycle)
        # Only the website's open cycles can be chosen.
        self.assertEqual(
            self.url_open(f"/shop/cycle/{self.cycle_c.id}").status_code, 404
        )
        beer_cycle._close()
        self.assertEqual(self.url_open(f"/shop/cycle/{beer_cycle.id}").status_code, 404)
        self.assertEqual(self.cycle.state, "open")
