# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    # Loaded with the till's config: what it does with a member who may not
    # shop.
    coop_shift_till_policy = fields.Selection(
        related="company_id.coop_shift_till_policy"
    )
