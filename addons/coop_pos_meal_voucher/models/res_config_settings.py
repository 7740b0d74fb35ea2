# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_meal_voucher_daily_limit = fields.Monetary(
        related="company_id.coop_meal_voucher_daily_limit", readonly=False
    )
