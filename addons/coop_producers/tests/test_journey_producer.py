# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_producers", "coop_tour")
class TestJourneyProducer(HttpCase):
    """The producer's journey on the demo data: the demo login "producteur"
    and the demo's orders, bill and round of Ferme des Marais; no set-up of
    its own."""

    def test_producer_space_on_the_demo(self):
        carrots = self.env.ref(
            "coop_producers.product_marais_1_demo"
        ).product_variant_id
        stock = self.env.ref("stock.warehouse0").lot_stock_id
        self.assertNotEqual(carrots.with_context(location=stock.id).qty_available, 42)
        self.start_tour("/odoo", "coop_producers_journey_producer", login="producteur")
        # The typed quantity replaces the stock (it used to be added to it).
        carrots.invalidate_recordset()
        self.assertEqual(carrots.with_context(location=stock.id).qty_available, 42)
        # In the épicerie's company (a network's other platforms keep theirs).
        lille = self.env.ref("base.main_company")
        self.assertEqual(
            carrots.with_context(allowed_company_ids=lille.ids).qty_available, 42
        )
