# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPickingBatch(models.Model):
    _inherit = "stock.picking.batch"

    coop_cycle_id = fields.Many2one(
        "coop.order.cycle", string="Order cycle", index="btree_not_null", readonly=True
    )
    coop_slot_id = fields.Many2one("coop.slot", string="Slot", readonly=True)
