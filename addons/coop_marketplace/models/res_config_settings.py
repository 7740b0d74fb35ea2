# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_cycle_shop = fields.Boolean(
        related="website_id.coop_cycle_shop", readonly=False
    )
    coop_tagline = fields.Char(related="website_id.coop_tagline", readonly=False)
    coop_min_basket_amount = fields.Monetary(
        related="website_id.coop_min_basket_amount", readonly=False
    )
