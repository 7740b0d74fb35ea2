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
            farm.email = farm.email or f"ferme{farm.id}@example.org"

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
        # Sent to her, in French, the file attached: she may contest it.
        sent = bill.message_ids.filtered(lambda m: self.farm_a in m.partner_ids)
        self.assertEqual(len(sent), 1)
        self.assertIn(f"Votre facture {bill.coop_self_billing_number}", sent.body)
        self.assertIn("contester", sent.body)
        self.assertEqual(sent.attachment_ids, attachment)
        self.assertTrue(
            self.env["mail.mail"].search([("mail_message_id", "=", sent.id)])
        )

    def test_a_vat_exempt_farm_says_why_in_her_invoice(self):
        """A farm under the franchise (art. 293 B du CGI) charges no VAT:
        her self-billed Factur-X gives the exempt category with the French
        franchise's reason and code, not the EU directive's exempt supplies
        Odoo's exporter writes."""
        self.farm_b.coop_vat_regime = "franchise"
        self.farm_b.coop_self_billing_date = self.today
        bill = self._delivered_and_stated(self.farm_b, self.beer, 6, 2.00)
        self.assertEqual(bill.amount_tax, 0.0)
        xml = bill._coop_self_billing_facturx()
        self.assertTrue(xml_check_xsd(xml, flavor="factur-x", level="en16931"))
        tree = etree.fromstring(xml)
        taxes = tree.xpath(
            "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax",
            namespaces=NS,
        )
        self.assertEqual(len(taxes), 1)
        tax = taxes[0]

        def text(tag):
            return tax.findtext(f"ram:{tag}", namespaces=NS)

        self.assertEqual(text("CategoryCode"), "E")
        self.assertEqual(text("ExemptionReasonCode"), "VATEX-FR-FRANCHISE")
        self.assertEqual(
            text("ExemptionReason"), "TVA non applicable, art. 293 B du CGI"
        )
        self.assertEqual(text("CalculatedAmount"), "0.00")
        self.assertEqual(text("BasisAmount"), f"{bill.amount_untaxed:.2f}")
        self.assertEqual(
            tree.xpath(
                "//ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax"
                "/ram:CategoryCode/text()",
                namespaces=NS,
            ),
            ["E"],
        )

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
