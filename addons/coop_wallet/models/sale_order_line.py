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

    def _coop_donation_values(self):
        """What a donation sold on this line gives the fund (see
        ``coop.solidarity.entry._coop_record_donations``)."""
        return {
            "product_id": self.product_id.id,
            "quantity": self.product_uom_qty,
            "charged_price": self.price_unit,
            "amount": self.price_total,
        }
