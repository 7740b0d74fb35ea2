# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # A product added to a confirmed order (the member's edit before the
        # close) enters the fund like the order's other lines.
        for order in lines.filtered(lambda l: l.order_id.state == "sale").order_id:
            order._coop_record_solidarity(
                lines.filtered(lambda l, order=order: l.order_id == order)
            )
        return lines

    def write(self, vals):
        res = super().write(vals)
        if "product_uom_qty" in vals:
            sold = self.filtered(lambda line: line.order_id.state == "sale")
            if sold:
                # sudo: goods taken off a confirmed order (a shortage at the
                # close, an edit) give the fund back, whoever changes them.
                self.env["coop.solidarity.entry"].sudo()._follow_sale_lines(sold)
        return res

    def _coop_fund_value_ratio(self):
        """What the line's goods are worth compared with what was sold
        (1 here; goods priced again at their real weight override it): the
        fund follows it (``coop.solidarity.entry._follow_sale_lines``)."""
        self.ensure_one()
        return 1.0

    def _coop_fund_line(self):
        """The line as the fund ledger reads it: (line, product, quantity,
        unit price charged, taxes); see
        ``coop.solidarity.entry._line_differences``."""
        self.ensure_one()
        return (
            self,
            self.product_id,
            self.product_uom_qty,
            self.price_unit * (1 - self.discount / 100),
            self.tax_id,
        )

    def _coop_is_goods(self):
        """Whether the line sells goods, which a tier prices and the fund
        counts: not a note, a fee (delivery), a down payment, nor money
        passing through the order (a prepaid account's top-up or payment,
        in coop_wallet).

        coop_marketplace defines the same rule under the same name (it does
        not depend on this addon): keep both bodies identical, so that
        either answers alike whichever loads last."""
        self.ensure_one()
        return (
            bool(self.product_id)
            and not self.display_type
            and not self._is_delivery()
            and not self.is_downpayment
        )
