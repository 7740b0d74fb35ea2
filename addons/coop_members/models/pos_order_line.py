# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    coop_share_movement_ids = fields.One2many(
        "coop.share.movement",
        "pos_order_line_id",
        string="Register movements",
        # The till reads its orders back: cashiers don't read the register.
        groups="coop_members.coop_member_group_user",
    )
