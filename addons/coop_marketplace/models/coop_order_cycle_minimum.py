# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class CoopOrderCycleMinimum(models.Model):
    """A producer's minimum order in a cycle: below it, at the close, the
    producer doesn't deliver, and their products come off the members'
    orders (they are told why, and paid back as for a shortage), unless
    the coordinator confirmed an exception before the close.

    The amount is what members ordered of the producer's products, taxes
    excluded, at their prices (what the producer's delivery is worth to the
    coop); the orders' lines are read at the close, in one query."""

    _name = "coop.order.cycle.minimum"
    _description = "Producer minimum in a cycle"
    _order = "cycle_id, producer_id"
    _check_company_auto = True

    cycle_id = fields.Many2one(
        "coop.order.cycle",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="cycle_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    producer_id = fields.Many2one(
        "res.partner",
        required=True,
        domain=[("coop_is_producer", "=", True)],
    )
    minimum_amount = fields.Monetary(
        string="Minimum order",
        required=True,
        help="Ordered by the members from this producer in the cycle, taxes"
        " excluded: below it, the producer doesn't deliver.",
    )
    ordered_amount = fields.Monetary(
        string="Ordered", compute="_compute_ordered_amount"
    )
    reached = fields.Boolean(compute="_compute_ordered_amount")
    exception = fields.Boolean(
        string="Deliver anyway",
        help="Confirmed with the producer: at the close, the orders are kept"
        " even below the minimum.",
    )

    _sql_constraints = [
        (
            "producer_unique",
            "UNIQUE(cycle_id, producer_id)",
            "A producer has one minimum per cycle.",
        ),
        (
            "minimum_positive",
            "CHECK(minimum_amount > 0)",
            "A minimum order is a positive amount.",
        ),
    ]

    @api.depends("minimum_amount", "producer_id", "cycle_id")
    def _compute_ordered_amount(self):
        amounts = self.cycle_id._ordered_by_producer()
        for minimum in self:
            amount = amounts.get((minimum.cycle_id.id, minimum.producer_id.id), 0.0)
            minimum.ordered_amount = amount
            minimum.reached = (
                minimum.currency_id.compare_amounts(amount, minimum.minimum_amount) >= 0
            )
