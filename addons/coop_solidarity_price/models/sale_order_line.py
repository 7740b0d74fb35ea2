# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def write(self, vals):
        res = super().write(vals)
        if "product_uom_qty" in vals:
            sold = self.filtered(lambda line: line.order_id.state == "sale")
            if sold:
                # sudo: goods taken off a confirmed order (a shortage at the
                # close, an edit) give the fund back, whoever changes them.
                self.env["coop.solidarity.entry"].sudo()._follow_sale_lines(sold)
        return res
