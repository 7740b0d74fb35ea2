# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.coop_producers.tests import common


@tagged("post_install", "-at_install", "coop_producers")
class TestProducerVat(common.CoopProducersCommon):
    """The producer's VAT regime decides the VAT of her purchase orders,
    vendor bills and statements; food is bought at the rate it is sold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sale_food = cls._tax("sale", 5.5)
        cls.sale_food.active = True
        cls.purchase_standard = cls._tax("purchase", 20)
        # As a product made in the back office is: sold at 5.5 %, the
        # chart's default 20 % as supplier tax.
        cls.leeks = cls.env["product.template"].create(
            {
                "name": "Poireaux au kilo",
                "categ_id": cls.categ.id,
                "coop_producer_id": cls.farm_a.id,
                "coop_producer_price": 2.10,
                "is_storable": True,
                "uom_id": cls.env.ref("uom.product_uom_kgm").id,
                "uom_po_id": cls.env.ref("uom.product_uom_kgm").id,
                "taxes_id": [Command.set(cls.sale_food.ids)],
                "supplier_taxes_id": [Command.set(cls.purchase_standard.ids)],
            }
        )
        cls.accountant = new_test_user(
            cls.env,
            login="coop_vat_accountant",
            groups="base.group_user,coop_producers.group_coop_logistics,"
            "account.group_account_invoice",
        )
        cls.today = date.today()

    @classmethod
    def _tax(cls, use, rate):
        """The French chart's tax of the company at ``rate`` (goods, on
        invoice, price excluding it)."""
        Tax = cls.env["account.tax"].with_context(active_test=False)
        return Tax.search(
            [
                *Tax._check_company_domain(cls.env.company),
                ("type_tax_use", "=", use),
                ("amount", "=", rate),
                ("price_include_override", "!=", "tax_included"),
                ("tax_exigibility", "=", "on_invoice"),
            ],
            limit=1,
        )

    def _order(self, producer, quantity):
        order = self.env["purchase.order"].create(
            {
                "partner_id": producer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.leeks.product_variant_id.id,
                            "product_qty": quantity,
                            "price_unit": 2.10,
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        return order

    def _issued_statement(self, producer):
        statement = (
            self.env["coop.producer.statement"]
            .with_user(self.accountant)
            ._generate(self.today, self.today, producer)
        )
        statement.action_confirm()
        return statement

    def test_subject_to_vat_food_at_5_5_and_bill_to_the_cent(self):
        self.assertTrue(self.sale_food, "the French chart's 5.5 % sale tax")
        order = self._order(self.farm_a, 2.58)
        line_taxes = order.order_line.taxes_id
        self.assertEqual(line_taxes.mapped("amount"), [5.5])
        self.assertEqual(line_taxes.type_tax_use, "purchase")
        # Two weighings of the same line: 1.24 kg and 1.34 kg at 2.10 €.
        self._receive(order, 1.24)
        self._receive(order, 1.34)
        statement = self._issued_statement(self.farm_a)
        self.assertEqual(len(statement.line_ids), 2)
        # 2.60 + 2.81 (each receipt rounded), not 2.58 × 2.10 = 5.42.
        self.assertAlmostEqual(statement.amount_net, 5.41)
        bill = statement.vendor_bill_id
        self.assertAlmostEqual(bill.amount_untaxed, 5.41)
        # VAT 5.5 % per line: 0.14 + 0.15.
        self.assertAlmostEqual(bill.amount_tax, 0.29)
        self.assertAlmostEqual(statement.amount_tax, 0.29)
        self.assertAlmostEqual(statement.amount_total, 5.70)
        self.assertFalse(statement.vat_mention)
        self.assertFalse(bill.narration)

    def test_franchise_no_vat_and_the_legal_mention_in_french(self):
        self.farm_a.with_user(self.logistics).coop_vat_regime = "franchise"
        self.farm_a.lang = "fr_FR"
        self.env["res.lang"]._activate_lang("fr_FR")
        order = self._order(self.farm_a, 10)
        self.assertFalse(order.order_line.taxes_id)
        self.assertAlmostEqual(order.amount_total, 21.00)
        self._receive(order, 10)
        statement = self._issued_statement(self.farm_a)
        bill = statement.vendor_bill_id
        self.assertAlmostEqual(bill.amount_tax, 0.0)
        self.assertAlmostEqual(bill.amount_total, 21.00)
        self.assertAlmostEqual(statement.amount_total, 21.00)
        self.assertIn("TVA non applicable, art. 293 B du CGI", str(bill.narration))
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="fr_FR")
            ._render_qweb_html(
                "coop_producers.action_report_producer_statement", statement.ids
            )[0]
            .decode()
        )
        self.assertIn("TVA non applicable, art. 293 B du CGI", html)

    def test_flat_rate_farmer_no_vat_and_the_refund_mention(self):
        self.farm_a.with_user(self.logistics).coop_vat_regime = "flat_rate"
        order = self._order(self.farm_a, 10)
        self.assertFalse(order.order_line.taxes_id)
        self._receive(order, 10)
        statement = self._issued_statement(self.farm_a)
        self.assertAlmostEqual(statement.vendor_bill_id.amount_total, 21.00)
        self.assertIn("298 quater", statement.vat_mention)
        self.assertIn("298 quater", str(statement.vendor_bill_id.narration))

    def test_the_coop_sets_the_regime_not_the_farm(self):
        with self.assertRaises(AccessError):
            self.farm_a.with_user(self.producer_a).write(
                {"coop_vat_regime": "franchise"}
            )
        self.assertEqual(self.farm_a.coop_vat_regime, "normal")

    def test_price_breakdown_taxes_of_her_platform_only(self):
        """A product shared by two platforms carries each one's 5.5 %: the
        producer's breakdown counts her platform's, as the manager's form."""
        company_b = self.env["res.company"].create({"name": "Épicerie de Douai"})
        tax_b = self.env["account.tax"].create(
            {
                "name": "TVA 5,5 % Douai",
                "amount": 5.5,
                "type_tax_use": "sale",
                "company_id": company_b.id,
                "country_id": self.env.ref("base.fr").id,
                "tax_group_id": self.env["account.tax.group"]
                .create(
                    {
                        "name": "TVA 5,5 %",
                        "company_id": company_b.id,
                        "country_id": self.env.ref("base.fr").id,
                    }
                )
                .id,
            }
        )
        self.leeks.taxes_id |= tax_b
        self.leeks.list_price = 2.00
        # She sells through both platforms and works in the first.
        self.producer_a.company_ids |= company_b
        template = self.leeks.with_user(self.producer_a)
        self.assertAlmostEqual(template.coop_price_taxes, 0.11)
        self.assertAlmostEqual(template.coop_price_incl_taxes, 2.11)
