# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopPoolingAllocation(models.Model):
    """What a producer supplies of a product for a destination."""

    _name = "coop.pooling.allocation"
    _description = "Pooling allocation"
    _order = "producer_id, product_id, destination"

    pooling_id = fields.Many2one(
        "coop.pooling", required=True, ondelete="cascade", index=True
    )
    producer_id = fields.Many2one("res.partner", required=True, index=True)
    product_id = fields.Many2one("product.product", required=True)
    destination = fields.Char()
    quantity = fields.Float(required=True, digits="Product Unit of Measure")
    purchase_line_id = fields.Many2one("purchase.order.line", ondelete="set null")
