# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # Stored so that ordered quantities per cycle and product are one
    # grouped query (coop.order.cycle.line._compute_ordered_qty), and the
    # cycle close can select its lines without joining the orders.
    coop_cycle_id = fields.Many2one(
        related="order_id.coop_cycle_id", store=True, index="btree_not_null"
    )
