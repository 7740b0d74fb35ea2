# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    # The shop's domain goes through it: one subquery, whatever the offer.
    coop_cycle_line_ids = fields.One2many(
        "coop.order.cycle.line", "product_id", string="Order cycle offers"
    )
