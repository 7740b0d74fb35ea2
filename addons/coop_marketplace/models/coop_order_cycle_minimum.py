# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

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


class CoopOrderCycle(models.Model):
    _inherit = "coop.order.cycle"

    currency_id = fields.Many2one(related="company_id.currency_id")
    minimum_ids = fields.One2many(
        "coop.order.cycle.minimum", "cycle_id", string="Producer minimums"
    )
    min_basket_amount = fields.Monetary(
        string="Minimum basket",
        currency_field="currency_id",
        help="A member's basket in this cycle, taxes included and delivery"
        " excluded, is at least this amount (0: no minimum; empty on the"
        " cycle, the website's applies).",
    )

    def _ordered_by_producer(self):
        """{(cycle id, producer id): amount ordered, taxes excluded} of the
        confirmed orders of these cycles, in one query."""
        if not self.ids:
            return {}
        # sudo: sums of the cycle's orders, for whoever reads the minimums
        # (staff with the cycle); no order is shown.
        groups = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_id.coop_cycle_id", "in", self.ids),
                    ("order_id.state", "=", "sale"),
                    ("product_id.coop_producer_id", "!=", False),
                ],
                ["order_id", "product_id"],
                ["price_subtotal:sum"],
            )
        )
        result = defaultdict(float)
        for order, product, amount in groups:
            result[(order.coop_cycle_id.id, product.coop_producer_id.id)] += amount
        return dict(result)

    def _add_producer_minimums(self):
        """A minimum line for each producer of the cycle who has a default
        minimum and none here yet (the coordinator can change it)."""
        for cycle in self:
            have = cycle.minimum_ids.producer_id
            producers = cycle.line_ids.producer_id.filtered(
                lambda p, have=have: p.coop_min_order_amount and p not in have
            )
            self.env["coop.order.cycle.minimum"].create(
                [
                    {
                        "cycle_id": cycle.id,
                        "producer_id": producer.id,
                        "minimum_amount": producer.coop_min_order_amount,
                    }
                    for producer in producers
                ]
            )

    def _apply_minimums(self, orders):
        """At the close, before pooling: the products of each producer below
        their minimum (without an exception) come off the orders, whose
        members are told why; returns the producers left out."""
        self.ensure_one()
        # What the orders hold now (edited or cancelled until the close).
        self.minimum_ids.invalidate_recordset(["ordered_amount", "reached"])
        minimums = self.minimum_ids.filtered(
            lambda m: not m.exception and not m.reached
        )
        if not minimums:
            return self.env["res.partner"]
        producers = minimums.producer_id
        reduced = defaultdict(list)
        for line in orders._coop_goods_lines():
            if line.product_id.coop_producer_id not in producers:
                continue
            # Goods already handed over (a bike round before the close) stay.
            take = line._coop_quantity_to_hand_over()
            if take:
                amount = line.price_total * take / line.product_uom_qty
                reduced[line.order_id].append((line, take, amount))
        for order, changes in reduced.items():
            order._coop_reduce_for_shortage(changes, reason="minimum")
        return producers
