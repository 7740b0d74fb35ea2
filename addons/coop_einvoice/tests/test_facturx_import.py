# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from facturx import xml_check_xsd
from lxml import etree

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open

from .test_facturx import NS


@tagged("post_install", "-at_install")
class TestFacturxImport(TransactionCase):
    """A farm that invoices the coop herself sends a Factur-X: uploaded on
    the vendor bills (Odoo's own import), it becomes a draft bill of that
    farm, on the coop's purchase order; her receipts are then paid by it,
    and no statement bills them again."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.farm = cls.env["res.partner"].search(
            [("name", "=", "Verger Debuyser"), ("coop_is_producer", "=", True)]
        )
        cls.order = cls.env["purchase.order"].search(
            [("partner_id", "=", cls.farm.id), ("state", "=", "purchase")]
        )
        cls.company = cls.env.ref("base.main_company")
        cls.journal = cls.env["account.journal"].search(
            [("type", "=", "purchase"), ("company_id", "=", cls.company.id)],
            limit=1,
        )
        cls.today = fields.Date.context_today(cls.env.user)

    def _farm_invoice(self, order=None):
        with file_open("coop_einvoice/tests/files/verger_debuyser_facturx.xml") as f:
            template = f.read()
        return template.format(
            po_name=(order or self.order).name,
            issue_date=self.today.strftime("%Y%m%d"),
        ).encode()

    def test_a_farms_facturx_becomes_her_draft_bill_on_the_order(self):
        self.assertEqual(len(self.order), 1, "the demo's order to the orchard")
        self.assertEqual(self.order.order_line.mapped("qty_invoiced"), [0, 0])
        xml = self._farm_invoice()
        # The farm's file is valid EN 16931 (as her software must send it).
        self.assertTrue(xml_check_xsd(xml, flavor="factur-x", level="en16931"))
        attachment = self.env["ir.attachment"].create(
            {"name": "VD-2026-0042.xml", "raw": xml}
        )
        bill = self.journal._create_document_from_attachment(attachment.ids)
        self.assertRecordValues(
            bill,
            [
                {
                    "move_type": "in_invoice",
                    "state": "draft",
                    "partner_id": self.farm.id,
                    "company_id": self.company.id,
                    "ref": "VD-2026-0042",
                    "amount_untaxed": 48.50,
                    "amount_total": 51.17,
                }
            ],
        )
        # Matched to the order line by line (Odoo's purchase matching).
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, self.order.order_line)
        self.assertEqual(self.order.order_line.mapped("qty_invoiced"), [15, 10])
        # Her receipts are paid by her bill: no statement for them.
        receipts = self.order.order_line.move_ids.filtered(lambda m: m.state == "done")
        day = receipts[:1].date.date()
        Statement = self.env["coop.producer.statement"]
        self.assertFalse(Statement._generate(day, day, self.farm))
        bill.action_post()
        self.assertFalse(Statement._generate(day, day, self.farm))
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    def test_a_weighed_delivery_a_little_short_matches_its_order(self):
        """The farm delivered 18 of the 20 kg of Jonagold and 9 of the 10 of
        Boskoop ordered, and bills what she delivered: Odoo's matching, on
        the ordered amounts, finds nothing; the coop's matches what was
        received."""
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.farm.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "product_qty": quantity,
                            "price_unit": line.price_unit,
                            "taxes_id": [Command.set(line.taxes_id.ids)],
                        }
                    )
                    for line, quantity in zip(
                        self.order.order_line, [20, 10], strict=True
                    )
                ],
            }
        )
        order.button_confirm()
        receipt = order.picking_ids
        for move, quantity in zip(receipt.move_ids.sorted("id"), [18, 9], strict=True):
            move.quantity = quantity
            move.picked = True
        receipt.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=receipt.ids
        )._action_done()
        self.assertEqual(order.order_line.mapped("qty_received"), [18, 9])

        tree = etree.fromstring(self._farm_invoice(order))
        for path, values in [
            ("//ram:BilledQuantity", ["18.00", "9.00"]),
            (
                "//ram:SpecifiedTradeSettlementLineMonetarySummation/*",
                ["34.20", "18.00"],
            ),
            (
                "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:LineTotalAmount",
                ["52.20"],
            ),
            ("//ram:TaxBasisTotalAmount", ["52.20"]),
            ("//ram:BasisAmount", ["52.20"]),
            ("//ram:CalculatedAmount", ["2.87"]),
            ("//ram:TaxTotalAmount", ["2.87"]),
            ("//ram:GrandTotalAmount", ["55.07"]),
            ("//ram:DuePayableAmount", ["55.07"]),
        ]:
            nodes = tree.xpath(path, namespaces=NS)
            self.assertEqual(len(nodes), len(values), path)
            for node, value in zip(nodes, values, strict=True):
                node.text = value
        xml = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
        self.assertTrue(xml_check_xsd(xml, flavor="factur-x", level="en16931"))
        attachment = self.env["ir.attachment"].create({"name": "VD.xml", "raw": xml})
        bill = self.journal._create_document_from_attachment(attachment.ids)
        self.assertEqual(bill.partner_id, self.farm)
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, order.order_line)
        self.assertEqual(
            bill.invoice_line_ids.filtered("product_id").mapped("quantity"), [18, 9]
        )
        self.assertAlmostEqual(bill.amount_total, 55.07)
        bill.action_post()
        # Her receipts are paid by her bill: a statement of the day leaves
        # them out (it may state her other receipts of the day).
        day = receipt.date_done.date()
        statements = self.env["coop.producer.statement"]._generate(day, day, self.farm)
        self.assertFalse(statements.line_ids.purchase_line_id & order.order_line)
        self.assertEqual(self.env["coop.money.checker"]._problems(), [])

    def _import(self, xml):
        attachment = self.env["ir.attachment"].create({"name": "farm.xml", "raw": xml})
        return self.journal._create_document_from_attachment(attachment.ids)

    def test_the_farm_is_found_by_her_siret_or_her_exact_name(self):
        """Her login's contact ("Jean Debuyser (Verger Debuyser)") matches
        her name too: Odoo's lookup by name gave up on two contacts and the
        bill had no seller. Her SIRET (BT-30) finds her whatever the trade
        name; without it, her exact name among the producers."""
        self.env["res.partner"].create({"name": "Jean Debuyser (Verger Debuyser)"})
        by_siret = self._farm_invoice().replace(
            b"<ram:Name>Verger Debuyser</ram:Name>",
            b"<ram:Name>EARL Debuyser Fruits</ram:Name>",
        )
        self.assertEqual(self._import(by_siret).partner_id, self.farm)
        by_name = self._farm_invoice().replace(
            b'<ram:ID schemeID="0002">35864920096979</ram:ID>', b""
        )
        self.assertNotIn(b"35864920096979", by_name)
        self.assertEqual(self._import(by_name).partner_id, self.farm)
        # An unknown SIRET and name: no seller guessed.
        unknown = by_siret.replace(b"35864920096979", b"73282932000074")
        self.assertFalse(self._import(unknown).partner_id)
