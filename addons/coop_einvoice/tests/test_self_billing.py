# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from facturx import xml_check_xsd
from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.coop_producers.tests import common

from .test_facturx import NS


@tagged("post_install", "-at_install")
class TestSelfBilling(common.CoopProducersCommon):
    """Under a farm's self-billing mandate, her statement is the invoice the
    coop issues in her name: her own numbering, the legal mention, a
    Factur-X of type 389 where she sells and the coop buys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env.user)
        cls.company = cls.env.company
        cls.Statement = cls.env["coop.producer.statement"]
        for farm in cls.farm_a | cls.farm_b:
            farm.lang = "fr_FR"

    def _delivered_and_stated(self, farm, template, quantity, price):
        order = self.env["purchase.order"].create(
            {
                "partner_id": farm.id,
                "order_line": [
                    fields.Command.create(
                        {
                            "product_id": template.product_variant_id.id,
                            "product_qty": quantity,
                            "price_unit": price,
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        self._receive(order, quantity)
        statement = self.Statement._generate(self.today, self.today, farm)
        statement.action_confirm()
        return statement.vendor_bill_id

    def test_a_mandate_makes_the_statement_her_invoice(self):
        self.farm_a.coop_self_billing_date = self.today - timedelta(days=30)
        bill = self._delivered_and_stated(self.farm_a, self.carrots, 10, 1.60)
        year = self.today.year
        self.assertEqual(
            bill.coop_self_billing_number, f"AF-{self.farm_a.id}-{year}-0001"
        )
        self.assertEqual(bill.ref, bill.coop_self_billing_number)
        self.assertIn("Autofacturation", bill.narration)
        self.assertIn(f"au nom et pour le compte de {self.farm_a.name}", bill.narration)
        # Her second invoice follows in her series; another farm has hers.
        second = self._delivered_and_stated(self.farm_a, self.carrots, 5, 1.60)
        self.assertEqual(
            second.coop_self_billing_number, f"AF-{self.farm_a.id}-{year}-0002"
        )
        self.farm_b.coop_self_billing_date = self.today
        other = self._delivered_and_stated(self.farm_b, self.beer, 6, 2.00)
        self.assertEqual(
            other.coop_self_billing_number, f"AF-{self.farm_b.id}-{year}-0001"
        )

        # Her Factur-X, on her bill: she sells, the coop buys, type 389.
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "account.move"), ("res_id", "=", bill.id)]
        )
        self.assertEqual(
            attachment.name, f"factur-x-{bill.coop_self_billing_number}.xml"
        )
        xml = attachment.raw
        self.assertTrue(xml_check_xsd(xml, flavor="factur-x", level="en16931"))
        tree = etree.fromstring(xml)

        def text(xpath):
            return [node.text for node in tree.xpath(xpath, namespaces=NS)]

        self.assertEqual(text("//rsm:ExchangedDocument/ram:TypeCode"), ["389"])
        self.assertEqual(
            text("//rsm:ExchangedDocument/ram:ID"), [bill.coop_self_billing_number]
        )
        self.assertEqual(text("//ram:SellerTradeParty/ram:Name"), [self.farm_a.name])
        self.assertEqual(text("//ram:BuyerTradeParty/ram:Name"), [self.company.name])
        self.assertEqual(
            text(
                "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount"
            ),
            [f"{bill.amount_total:.2f}"],
        )
        self.assertFalse(text("//ram:ShipToTradeParty/ram:Name"))

    def test_without_a_mandate_the_bill_is_not_self_billed(self):
        bill = self._delivered_and_stated(self.farm_a, self.carrots, 10, 1.60)
        self.assertFalse(bill.coop_self_billing_number)
        with self.assertRaises(UserError):
            bill._coop_self_billing_facturx()
        # A mandate signed after the statement's period does not reach back.
        self.farm_b.coop_self_billing_date = self.today + timedelta(days=1)
        later = self._delivered_and_stated(self.farm_b, self.beer, 6, 2.00)
        self.assertFalse(later.coop_self_billing_number)

    def test_only_the_staff_record_a_mandate(self):
        with self.assertRaises(AccessError):
            self.farm_a.with_user(self.producer_a).coop_self_billing_date = self.today
        logistics = new_test_user(
            self.env,
            login="coop_self_billing_staff",
            groups="base.group_user,coop_producers.group_coop_logistics",
        )
        self.farm_a.with_user(logistics).coop_self_billing_date = self.today
        self.assertEqual(self.farm_a.coop_self_billing_date, self.today)
