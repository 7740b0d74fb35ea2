# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import fields, models


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
