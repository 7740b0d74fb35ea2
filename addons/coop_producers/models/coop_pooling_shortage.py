# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopPoolingShortage(models.Model):
    """Demand no producer's offer covers: the caller decides (reduce the
    orders, notify the members, refund)."""

    _name = "coop.pooling.shortage"
    _description = "Pooling shortage"

    pooling_id = fields.Many2one(
        "coop.pooling", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one("product.product", required=True)
    demand = fields.Float(digits="Product Unit of Measure")
    allocated = fields.Float(digits="Product Unit of Measure")
    missing = fields.Float(digits="Product Unit of Measure")
