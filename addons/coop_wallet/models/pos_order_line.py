# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    def _coop_is_goods(self):
        """The eWallet's payment line (a loyalty reward line), a top-up and a
        donation are money: never tiered, never in the fund as a sale."""
        return (
            super()._coop_is_goods()
            and not self.is_reward_line
            and not self.product_id.coop_money_kind
        )

    def _coop_donation_values(self):
        """What a donation sold on this line gives the fund (see
        ``coop.solidarity.entry._coop_record_donations``)."""
        return {
            "product_id": self.product_id.id,
            "quantity": self.qty,
            "charged_price": self.price_unit,
            "amount": self.price_subtotal_incl,
        }
