# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    coop_meal_voucher_daily_limit = fields.Monetary(
        string="Titres-restaurant: daily limit",
        default=25.0,
        help="The most a person may pay in titres-restaurant in a day (25 €"
        " by the Code du travail, art. R3262-10).",
    )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [
            *super()._load_pos_data_fields(config_id),
            "coop_meal_voucher_daily_limit",
        ]
