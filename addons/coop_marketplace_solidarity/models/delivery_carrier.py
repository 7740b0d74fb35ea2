# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class DeliveryCarrier(models.Model):
    _inherit = "delivery.carrier"

    def fixed_rate_shipment(self, order):
        """A delivery fee is a service of the coop, not goods: every member
        pays the reference price, whatever their tier (Odoo prices a fixed
        fee with the order's pricelist, which is the member's tier)."""
        res = super().fixed_rate_shipment(order)
        Tier = self.env["coop.price.tier"]
        tier = Tier._get_pricelist_tier(order.pricelist_id)
        if res["success"] and tier and not tier.is_reference:
            res["price"] = Tier._reference_prices(self.product_id, tier.company_id)[
                self.product_id.id
            ]
        return res
