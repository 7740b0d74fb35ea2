# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _coop_is_goods(self):
        """A payment from the prepaid account (an eWallet reward line) and
        a top-up or a donation are money, not goods: the close never pools
        them nor takes them off (coop_wallet says the same to the tiers;
        both base addons define the rule, so the bridge says it too)."""
        return (
            super()._coop_is_goods()
            and not self.reward_id
            and not self.product_id.coop_money_kind
        )

    def _coop_payment_means(self):
        if self.reward_id.program_id.program_type == "ewallet":
            return "account"
        return super()._coop_payment_means()
