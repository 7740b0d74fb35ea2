# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    coop_expected_price = fields.Float(
        string="Expected unit price",
        digits="Product Price",
        readonly=True,
        copy=False,
        help="The unit price of the customer's own tier when the order was"
        " synced (the reference price without a member), decided by the"
        " server.",
    )
    coop_price_differs = fields.Boolean(
        string="Price changed at the till",
        readonly=True,
        copy=False,
        help="Sold at another price than the customer's tier gives: kept as"
        " paid, never counted as solidarity; the managers check it.",
    )

    def _coop_is_goods(self):
        """Whether the line sells goods, which a tier prices and the fund
        counts; money passing through the order (a prepaid account's top-up
        or payment, in coop_wallet) is not."""
        self.ensure_one()
        return True

    def _coop_fund_line(self):
        """The line as the fund ledger reads it: (line, product, quantity,
        unit price charged, taxes); see
        ``coop.solidarity.entry._line_differences``."""
        self.ensure_one()
        return (
            self,
            self.product_id,
            self.qty,
            self.price_unit * (1 - self.discount / 100),
            self.tax_ids_after_fiscal_position,
        )
