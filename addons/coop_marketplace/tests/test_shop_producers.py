# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestShopProducers(common.CoopMarketplaceCommon, HttpCase):
    """The shop says who grows each product and how far away, and filters
    by producer; the product page presents the farm."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["website"].get_current_website().coop_cycle_shop = True
        label = cls.env["coop.producer.label"].create({"name": "Nature & Progrès"})
        cls.farm_a.write(
            {
                "coop_farm_name": "Ferme du Pévèle",
                "coop_distance_km": 12.4,
                "coop_label_ids": [Command.set(label.ids)],
                "coop_producer_description": "Maraîchage sur sol vivant.",
            }
        )
        (cls.carrots | cls.beer).is_published = True
        cls.cycle.action_open()

    def test_products_show_their_producer(self):
        self.assertEqual(self.carrots.coop_producer_farm, "Ferme du Pévèle")
        self.assertEqual(self.beer.coop_producer_farm, "Brasserie B")
        page = self.url_open("/shop").text
        self.assertIn("Ferme du Pévèle", page)
        self.assertIn("12 km", page)
        self.assertIn("Carottes A", page)
        self.assertIn("Bière B", page)
        # The farm's name follows the partner.
        self.farm_a.coop_farm_name = "Les Jardins du Pévèle"
        self.assertEqual(self.carrots.coop_producer_farm, "Les Jardins du Pévèle")

    def test_filter_by_producer(self):
        page = self.url_open(f"/shop?producer={self.farm_b.id}").text
        self.assertIn("Bière B", page)
        self.assertNotIn("Carottes A", page)
        # The dropdown lists the cycle's producers and keeps the filter in
        # the shop's other links.
        self.assertIn("o_coop_producer_filter", page)
        self.assertIn(f"producer={self.farm_a.id}", page)
        # A producer offering nothing here, or garbage: nothing breaks.
        response = self.url_open("/shop?producer=abc")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Carottes A", response.text)
        self.assertIn("Bière B", response.text)
        other = self.env["res.partner"].create({"name": "Ferme ailleurs"})
        page = self.url_open(f"/shop?producer={other.id}").text
        self.assertNotIn("Carottes A", page)
        self.assertNotIn("Bière B", page)

    def test_product_page_presents_the_farm(self):
        page = self.url_open(self.carrots.website_url).text
        self.assertIn("Ferme du Pévèle", page)
        self.assertIn("Nature &amp; Progrès", page)
        self.assertIn("Maraîchage sur sol vivant.", page)
        self.assertIn(f"/shop?producer={self.farm_a.id}", page)

    def test_open_cycle_looked_up_once_per_page(self):
        """The shop asks for its product domain several times per page: the
        open cycle is searched once."""
        Cycle = type(self.env["coop.order.cycle"])
        calls = []
        original = Cycle._get_open_cycles

        def counting(self, company=None, website=None):
            calls.append(company)
            return original(self, company, website)

        Cycle._get_open_cycles = counting
        try:
            self.url_open("/shop")
        finally:
            Cycle._get_open_cycles = original
        self.assertEqual(len(calls), 1)
