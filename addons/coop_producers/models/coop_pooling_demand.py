# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopPoolingDemand(models.Model):
    """Demand for a product at a destination: the order lines pooled are
    summed, so the pooling's size follows products and destinations, not the
    number of order lines."""

    _name = "coop.pooling.demand"
    _description = "Pooling demand line"

    pooling_id = fields.Many2one(
        "coop.pooling", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one("product.product", required=True)
    quantity = fields.Float(required=True, digits="Product Unit of Measure")
    destination = fields.Char(help="Pickup point or delivery round.")
    line_count = fields.Integer(string="Order lines", default=1)
