# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.coop_solidarity_price.tests import common


@tagged("post_install", "-at_install", "coop_solidarity_price")
class TestPriceTier(common.CoopSolidarityCommon):
    def test_tier_generates_a_neutral_pricelist(self):
        pricelist = self.tier_60.pricelist_id
        self.assertTrue(pricelist)
        self.assertEqual(pricelist.name, "Tarif T1")
        self.assertNotIn("olidar", pricelist.name)
        self.assertGreater(pricelist.sequence, 1000)
        global_item = pricelist.item_ids.filtered(lambda i: i.applied_on == "3_global")
        self.assertEqual(global_item.price_discount, 60)
        self.assertEqual(global_item.price_round, 0.05)
        self.assertIn(self.alcohol, pricelist.item_ids.categ_id)
        self.assertFalse(self.reference.pricelist_id.item_ids)

    def test_sale_prices_per_tier(self):
        self.class_a.product_id = self.env["product.product"].create(
            {"name": "Part test", "type": "service", "list_price": 10}
        )
        expected = {
            self.tier_60: {self.bread: 1.70, self.apples: 0.95, self.beer: 2.90},
            self.tier_40: {self.bread: 2.50, self.apples: 1.40, self.beer: 2.90},
            self.tier_support: {self.bread: 4.60, self.apples: 2.60, self.beer: 3.20},
            self.reference: {self.bread: 4.20, self.apples: 2.37, self.beer: 2.90},
        }
        for tier, prices in expected.items():
            self.assign(self.alice, tier)
            for product, price in prices.items():
                with self.subTest(tier=tier.name, product=product.name):
                    self.assertAlmostEqual(self.sale_price(self.alice, product), price)
            # Shares keep their nominal value whatever the tier.
            self.assertAlmostEqual(
                self.sale_price(self.alice, self.class_a.product_id), 10.0
            )

    def test_cost_margin_rule(self):
        tier = self.env["coop.price.tier"].create(
            {
                "name": "Prix coûtant +5 %",
                "display_label": "Tarif E",
                "rule": "cost_margin",
                "cost_margin": 5,
                "rounding": 0.05,
            }
        )
        self.assertTrue(tier.is_discount)
        self.assign(self.alice, tier)
        self.assertAlmostEqual(self.sale_price(self.alice, self.bread), 2.75)  # 2.73

    def test_changing_a_tier_reprices(self):
        self.assign(self.alice, self.tier_40)
        self.tier_40.price_change = -50
        self.assertAlmostEqual(self.sale_price(self.alice, self.bread), 2.10)

    def test_bad_tiers_are_refused_and_nothing_written(self):
        Tier = self.env["coop.price.tier"].with_user(self.manager)
        count = Tier.search_count([])
        pricelists = self.env["product.pricelist"].search_count([])
        bad = [
            {"price_change": -100},
            {"price_change": -150},
            {"monthly_cap": -5},
            {"rounding": 0},
        ]
        for values in bad:
            with (
                self.subTest(values=values),
                self.assertRaises(IntegrityError),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                Tier.create({"name": "Mauvais", "display_label": "X", **values})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Tier.create(
                {"name": "Second reference", "display_label": "R", "is_reference": True}
            )
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.reference.price_change = -10
        self.assertEqual(Tier.search_count([]), count)
        self.assertEqual(self.env["product.pricelist"].search_count([]), pricelists)
