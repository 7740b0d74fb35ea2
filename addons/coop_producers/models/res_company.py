# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    coop_default_commission_rate = fields.Float(
        string="Default producer commission (%)",
        default=13.0,
        help="Commission proposed for new producers.",
    )
