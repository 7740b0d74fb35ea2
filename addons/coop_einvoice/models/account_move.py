# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.purchase.models.account_invoice import TOLERANCE


class AccountMove(models.Model):
    _inherit = "account.move"

    def _match_purchase_orders(
        self, po_references, partner_id, amount_total, from_ocr, timeout
    ):
        """A farm bills what the coop received, weighed, not what it ordered:
        Odoo's matching compares the bill with the ordered amounts and leaves
        the bill of a delivery a little off unmatched (and its receipts would
        then be stated as well). When Odoo finds nothing, the referenced
        orders of that producer match if what was received and not yet billed
        comes to the bill's total."""
        method, po_lines, inv_lines = super()._match_purchase_orders(
            po_references, partner_id, amount_total, from_ocr, timeout
        )
        if method != "no_match" or not po_references or not partner_id:
            return method, po_lines, inv_lines
        orders = self.env["purchase.order"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("purchase", "done")),
                ("name", "in", po_references),
                ("partner_id", "child_of", [partner_id]),
                ("partner_id.coop_is_producer", "=", True),
            ]
        )
        received_to_bill = sum(
            line.price_total
            / line.product_qty
            * (line.qty_received - line.qty_invoiced)
            for line in orders.order_line
            if line.product_qty
        )
        if orders and abs(received_to_bill - amount_total) < TOLERANCE:
            return "total_match", orders.order_line, None
        return method, po_lines, inv_lines
