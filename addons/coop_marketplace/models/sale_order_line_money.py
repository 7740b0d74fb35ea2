# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _coop_is_goods(self):
        """Whether the line sells goods: what the producers supply, the
        close pools, a shortage or a producer's minimum takes off, a tier
        prices. Not a note, a fee (delivery), a down payment, nor money
        passing through the order (a payment from the prepaid account, a
        top-up, a donation: the bridges say so).

        coop_solidarity_price defines the same rule under the same name (it
        does not depend on this addon): keep both bodies identical, so that
        either answers alike whichever loads last."""
        self.ensure_one()
        return (
            bool(self.product_id)
            and not self.display_type
            and not self._is_delivery()
            and not self.is_downpayment
        )

    def _coop_payment_means(self):
        """The means of payment this line is (e.g. "account" for a payment
        from the prepaid account, coop_marketplace_wallet), or False: a
        line the member owes."""
        self.ensure_one()
        return False
