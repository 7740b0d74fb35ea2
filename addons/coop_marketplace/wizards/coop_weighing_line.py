# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopWeighingLine(models.TransientModel):
    _name = "coop.weighing.line"
    _description = "Weighing of an order line"

    weighing_id = fields.Many2one("coop.weighing", required=True, ondelete="cascade")
    sale_line_id = fields.Many2one("sale.order.line", required=True, readonly=True)
    product_id = fields.Many2one(related="sale_line_id.product_id")
    quantity = fields.Float(related="sale_line_id.product_uom_qty", string="Pieces")
    estimated_weight = fields.Float(
        related="sale_line_id.coop_estimated_weight", string="Estimated (kg)"
    )
    price_per_kg = fields.Float(
        related="sale_line_id.coop_price_per_kg", string="Price per kg"
    )
    real_weight = fields.Float(string="Weight (kg)", digits="Stock Weight")
