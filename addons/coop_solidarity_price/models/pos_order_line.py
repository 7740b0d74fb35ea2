# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    def _coop_is_goods(self):
        """Whether the line sells goods, which a tier prices and the fund
        counts; money passing through the order (a prepaid account's top-up
        or payment, in coop_wallet) is not."""
        self.ensure_one()
        return True
