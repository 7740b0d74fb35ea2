# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.coop_producers.tests import common


@tagged("post_install", "-at_install", "coop_producers")
class TestProducerCatalogue(common.CoopProducersCommon):
    def test_consumer_price_from_commission(self):
        # 1.60 / (1 − 0.13) = 1.839... → 1.84
        self.assertAlmostEqual(self.carrots.list_price, 1.84)
        # 2.00 / (1 − 0.20) = 2.50
        self.assertAlmostEqual(self.beer.list_price, 2.50)
        self.carrots.coop_producer_price = 2.00
        self.assertAlmostEqual(self.carrots.list_price, 2.30)
        self.assertAlmostEqual(self.carrots.coop_price_producer_share, 2.00)
        self.assertAlmostEqual(self.carrots.coop_price_coop_share, 0.30)

    def test_category_overrides_the_producer_commission(self):
        self.categ.write({"coop_commission_override": True, "coop_commission_rate": 10})
        self.carrots.invalidate_recordset(["coop_commission_rate"])
        self.assertEqual(self.carrots.coop_commission_rate, 10)
        self.carrots.coop_producer_price = 1.80  # 1.80 / 0.9 = 2.00
        self.assertAlmostEqual(self.carrots.list_price, 2.00)
        child = self.env["product.category"].create(
            {"name": "Carottes", "parent_id": self.categ.id}
        )
        self.carrots.categ_id = child  # the parent's rule applies
        self.assertAlmostEqual(self.carrots.list_price, 2.00)

    def test_breakdown_with_taxes(self):
        tax = self.env["account.tax"].create(
            {"name": "TVA 5,5 % test", "amount": 5.5, "type_tax_use": "sale"}
        )
        self.carrots.taxes_id = tax
        self.assertAlmostEqual(self.carrots.coop_price_taxes, 0.10)  # 1.84 × 5.5 %

    def test_bad_input(self):
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.carrots.coop_producer_price = -1
        for rate in (100, 120, -1):
            with (
                self.subTest(rate=rate),
                self.assertRaises(IntegrityError),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                self.farm_a.coop_commission_rate = rate
        self.assertAlmostEqual(self.carrots.list_price, 1.84)

    def test_siret_is_checked(self):
        self.farm_a.coop_siret = "73282932000074"
        with self.assertRaisesRegex(ValidationError, "not a valid SIRET"):
            self.farm_a.coop_siret = "73282932000075"
        with self.assertRaises(ValidationError):
            self.farm_b.coop_siret = "1234"
        form = Form(self.farm_b)
        form.coop_siret = "732 829 320 00074"
        self.assertEqual(form.coop_siret, "73282932000074")
