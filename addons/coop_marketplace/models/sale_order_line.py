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

    def _coop_quantity_to_hand_over(self):
        """What of the line is not handed over yet: a shortage or a
        producer's minimum at the close can take off only that (Odoo
        refuses to lower a quantity below what was delivered)."""
        self.ensure_one()
        return max(self.product_uom_qty - self.qty_delivered, 0.0)
