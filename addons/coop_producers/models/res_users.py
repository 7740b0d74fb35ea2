# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    coop_producer_id = fields.Many2one(
        "res.partner",
        string="Works for producer",
        domain=[("coop_is_producer", "=", True)],
        index="btree_not_null",
        help="A user of the Producer group manages this producer's products,"
        " stock, orders and statements, and nothing else.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["coop_producer_id"]
