# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from facturx import xml_check_xsd

from odoo import fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open


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

    def _farm_invoice(self):
        with file_open("coop_einvoice/tests/files/verger_debuyser_facturx.xml") as f:
            template = f.read()
        return template.format(
            po_name=self.order.name, issue_date=self.today.strftime("%Y%m%d")
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
