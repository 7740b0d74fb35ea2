# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pos_coop_member_till = fields.Boolean(
        related="pos_config_id.coop_member_till", readonly=False
    )
    pos_coop_members_only = fields.Boolean(
        related="pos_config_id.coop_members_only", readonly=False
    )
