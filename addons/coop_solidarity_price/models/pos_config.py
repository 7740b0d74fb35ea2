# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    coop_reference_pricelist_id = fields.Many2one(
        "product.pricelist",
        compute="_compute_coop_reference_pricelist_id",
        help="Pricelist of the reference tier: the till switches an order to it"
        " once the member's monthly allowance is used up.",
    )

    def _compute_coop_reference_pricelist_id(self):
        for config in self:
            config.coop_reference_pricelist_id = (
                self.env["coop.price.tier"]
                .sudo()
                ._get_reference_tier(config.company_id)
                .pricelist_id
            )
