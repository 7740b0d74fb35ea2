# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_admission_mode = fields.Selection(
        related="company_id.coop_admission_mode", readonly=False
    )
    coop_admission_body = fields.Char(
        related="company_id.coop_admission_body", readonly=False
    )
    coop_admission_criteria = fields.Text(
        related="company_id.coop_admission_criteria", readonly=False
    )
