# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _coop_is_goods(self):
        """The eWallet's payment line (a loyalty reward line) and a top-up
        are money: never tiered, never in the fund nor the allowance."""
        return (
            super()._coop_is_goods()
            and not self.reward_id
            and not self.product_id.coop_money_kind
        )
