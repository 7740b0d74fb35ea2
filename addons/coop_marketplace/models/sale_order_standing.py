# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    coop_standing_order_id = fields.Many2one(
        "coop.standing.order",
        string="Standing basket",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="set null",
    )

    def init(self):
        res = super().init()
        # One order per standing basket and cycle (a cancelled one, skipped
        # by the member, counts: the cycle is skipped, not ordered again).
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS sale_order_coop_standing_once"
            " ON sale_order (coop_standing_order_id, coop_cycle_id)"
            " WHERE coop_standing_order_id IS NOT NULL"
        )
        return res
