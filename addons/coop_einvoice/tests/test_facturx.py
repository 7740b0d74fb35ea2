# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from unittest.mock import patch

from facturx import get_facturx_xml_from_pdf, xml_check_xsd
from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools import config

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:"
    "ReusableAggregateBusinessInformationEntity:100",
}


@tagged("post_install", "-at_install")
class TestFacturx(TransactionCase):
    """The épicerie's invoice to a business, as the demo holds it, sent the
    way the staff send it (Envoyer et imprimer): its PDF carries a Factur-X
    XML that Akretion's library reads out and validates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls.env.ref("coop_einvoice.account_move_cuisine_partagee_demo")

    def _send(self, invoice):
        # Odoo's tests get HTML instead of a PDF unless asked for one.
        wizard = (
            self.env["account.move.send.wizard"]
            .with_context(force_report_rendering=True)
            .create({"move_id": invoice.id, "sending_methods": ["manual"]})
        )
        self.assertEqual(wizard.invoice_edi_format, "facturx")
        # Odoo embeds the XML in the PDF only outside its tests (in them it
        # attaches the XML apart): the production path, as the staff's.
        with patch.dict(config.options, {"test_enable": False}):
            wizard.action_send_and_print()
        pdf = base64.b64decode(invoice.invoice_pdf_report_id.datas)
        filename, xml = get_facturx_xml_from_pdf(pdf, check_xsd=False)
        return filename, xml

    def _text(self, tree, xpath):
        return [node.text for node in tree.xpath(xpath, namespaces=NS)]

    def test_a_business_gets_a_valid_facturx(self):
        self.assertEqual(self.invoice.state, "posted")
        filename, xml = self._send(self.invoice)
        self.assertEqual(filename, "factur-x.xml")
        # Raises on any departure from the schema: of the profile the file
        # declares (Odoo's says EN 16931, extended conformance), and of
        # EN 16931 itself.
        self.assertTrue(xml_check_xsd(xml, flavor="factur-x"))
        self.assertTrue(xml_check_xsd(xml, flavor="factur-x", level="en16931"))
        tree = etree.fromstring(xml)
        self.assertEqual(
            self._text(tree, "//rsm:ExchangedDocument/ram:ID"), [self.invoice.name]
        )
        self.assertEqual(
            self._text(tree, "//rsm:ExchangedDocument/ram:TypeCode"), ["380"]
        )
        # Who sells and who buys, as a French invoice must name them.
        seller = "//ram:SellerTradeParty"
        buyer = "//ram:BuyerTradeParty"
        self.assertEqual(
            self._text(tree, f"{seller}/ram:SpecifiedTaxRegistration/ram:ID"),
            ["FR15901234567"],
        )
        self.assertEqual(
            self._text(tree, f"{seller}/ram:SpecifiedLegalOrganization/ram:ID"),
            ["90123456700005"],
        )
        self.assertEqual(
            self._text(tree, f"{buyer}/ram:SpecifiedTaxRegistration/ram:ID"),
            ["FR72823456785"],
        )
        self.assertEqual(
            self._text(tree, f"{buyer}/ram:SpecifiedLegalOrganization/ram:ID"),
            ["82345678500018"],
        )
        # Totals to the cent: 5 kg of lentils at 4.80 and 10 boxes of eggs
        # at 3.10, at 5.5 % (the prices are taxes excluded on an invoice).
        summation = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation"
        self.assertEqual(
            self._text(tree, f"{summation}/ram:LineTotalAmount"), ["55.00"]
        )
        self.assertEqual(
            self._text(tree, f"{summation}/ram:TaxBasisTotalAmount"), ["55.00"]
        )
        self.assertEqual(self._text(tree, f"{summation}/ram:TaxTotalAmount"), ["3.03"])
        self.assertEqual(
            self._text(tree, f"{summation}/ram:GrandTotalAmount"), ["58.03"]
        )
        self.assertEqual(self.invoice.amount_total, 58.03)

    def test_the_pdf_is_a_pdf_a3(self):
        """The PDF declares itself PDF/A-3 with the Factur-X extension (its
        XMP metadata), as the standard asks of the container."""
        self._send(self.invoice)
        pdf = base64.b64decode(self.invoice.invoice_pdf_report_id.datas)
        self.assertIn(b"<pdfaid:part>3</pdfaid:part>", pdf)
        self.assertIn(b"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#", pdf)

    def test_the_schema_check_can_fail(self):
        """The same XML without its seller is refused by the schema."""
        _filename, xml = self._send(self.invoice)
        tree = etree.fromstring(xml)
        seller = tree.xpath("//ram:SellerTradeParty", namespaces=NS)[0]
        seller.getparent().remove(seller)
        with (
            self.assertLogs("factur-x", "ERROR") as logs,
            self.assertRaisesRegex(
                Exception, "not valid against the official XML Schema"
            ),
        ):
            xml_check_xsd(etree.tostring(tree), flavor="factur-x")
        self.assertIn("BuyerTradeParty': This element is not expected", logs.output[-1])
