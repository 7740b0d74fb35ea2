# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_fund_alert_threshold = fields.Monetary(
        related="company_id.coop_fund_alert_threshold", readonly=False
    )
    coop_fund_suspend_when_negative = fields.Boolean(
        related="company_id.coop_fund_suspend_when_negative", readonly=False
    )
