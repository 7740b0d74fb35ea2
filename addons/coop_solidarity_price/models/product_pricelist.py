# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    @api.model
    def _load_pos_data_domain(self, data):
        # Every till knows the tier pricelists, whatever its pricelist
        # settings: selecting a member applies their tier by itself. They come
        # with the till's configuration, loaded before (no query here).
        config = data["pos.config"]["data"][0]
        return expression.OR(
            [
                super()._load_pos_data_domain(data),
                [("id", "in", config["coop_tier_pricelist_ids"])],
            ]
        )
