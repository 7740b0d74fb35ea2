# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    coop_members_only = fields.Boolean(
        string="Members only",
        help="Refuse to sell to customers who are not active members (they may"
        " still buy shares to become members). Otherwise the cashier is only"
        " warned.",
    )
