# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _coop_fund_value_ratio(self):
        """Goods sold by weight are worth their real weight: the fund and
        the member's advantage count it, at the tier's price per kg."""
        return self._coop_weight_ratio()

    def write(self, vals):
        res = super().write(vals)
        if "coop_real_weight" in vals:
            sold = self.filtered(lambda line: line.order_id.state == "sale")
            if sold:
                # sudo: the volunteer's weighing moves the fund like any
                # change of what a line sells.
                self.env["coop.solidarity.entry"].sudo()._follow_sale_lines(sold)
        return res
