# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    coop_statement_line_ids = fields.One2many(
        "coop.producer.statement.line", "move_id", string="Producer statement lines"
    )

    def _coop_billed_apart(self):
        """The receipts among these whose purchase line is on a vendor bill
        that no statement issued: the producer's own invoice (received as
        Factur-X, or made from the purchase order), draft or posted. Those
        are paid by that bill, never stated as well: a receipt is paid once."""
        bill_lines = self.purchase_line_id.invoice_lines.filtered(
            lambda line: line.move_id.state != "cancel"
        )
        if not bill_lines:
            return self.browse()
        # sudo: which bills statements issued, whoever generates them.
        statement_bills = (
            self.env["coop.producer.statement"]
            .sudo()
            .search([("vendor_bill_id", "in", bill_lines.move_id.ids)])
            .vendor_bill_id
        )
        billed_apart = (
            bill_lines.filtered(lambda line: line.move_id not in statement_bills)
        ).purchase_line_id
        return self.filtered(lambda move: move.purchase_line_id in billed_apart)
