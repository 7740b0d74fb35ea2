# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopCollectionStop(models.Model):
    """A producer on a collection round, with what to pick up there."""

    _name = "coop.collection.stop"
    _description = "Collection stop"
    _order = "round_id, sequence, id"

    round_id = fields.Many2one(
        "coop.collection.round", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    producer_id = fields.Many2one("res.partner", required=True)
    purchase_order_ids = fields.Many2many("purchase.order", string="Purchase orders")
    picking_ids = fields.Many2many(
        "stock.picking", string="Receipts", compute="_compute_picking_ids"
    )
    load_kg = fields.Float(string="Load (kg)", compute="_compute_load")
    load_items = fields.Float(string="Items", compute="_compute_load")

    @api.depends("purchase_order_ids.picking_ids")
    def _compute_picking_ids(self):
        for stop in self:
            stop.picking_ids = stop.purchase_order_ids.picking_ids.filtered(
                lambda p: p.picking_type_code == "incoming"
            )

    @api.depends(
        "purchase_order_ids.order_line.product_qty",
        "purchase_order_ids.order_line.product_id.weight",
    )
    def _compute_load(self):
        for stop in self:
            lines = stop.purchase_order_ids.order_line.filtered("product_id")
            stop.load_items = sum(lines.mapped("product_qty"))
            stop.load_kg = sum(
                line.product_qty * line.product_id.weight for line in lines
            )
