# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CoopShareClass(models.Model):
    _inherit = "coop.share.class"

    # Shares are sold at their nominal value, whatever the member's tier: the
    # tier pricelists exclude the share products.

    @api.model_create_multi
    def create(self, vals_list):
        share_classes = super().create(vals_list)
        share_classes._resync_tiers()
        return share_classes

    def write(self, vals):
        res = super().write(vals)
        if "product_id" in vals or "active" in vals:
            self._resync_tiers()
        return res

    def _resync_tiers(self):
        tiers = (
            self.env["coop.price.tier"]
            .sudo()
            .search([("company_id", "in", self.company_id.ids)])
        )
        tiers._sync_pricelist()
