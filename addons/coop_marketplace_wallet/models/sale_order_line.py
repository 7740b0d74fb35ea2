# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def write(self, vals):
        res = super().write(vals)
        if (
            {"product_uom_qty", "price_unit"} & set(vals)
            and not self.env.context.get("coop_wallet_rebalance")
            and any(not line.reward_id for line in self)
        ):
            self.order_id._coop_rebalance_wallet()
        return res
