# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    @api.model
    def _load_pos_data_domain(self, data):
        # Every till knows the tier pricelists, whatever its pricelist
        # settings: selecting a member applies their tier by itself.
        company_id = data["pos.config"]["data"][0]["company_id"]
        tiers = (
            self.env["coop.price.tier"].sudo().search([("company_id", "=", company_id)])
        )
        return expression.OR(
            [
                super()._load_pos_data_domain(data),
                [("id", "in", tiers.pricelist_id.ids)],
            ]
        )
