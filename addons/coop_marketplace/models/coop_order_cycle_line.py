# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# Orders that hold a quantity of a cycle: confirmed orders, and carts and
# quotations (draft, sent) still open; cancelled ones don't.
ORDERED_STATES = ("draft", "sent", "sale")


class CoopOrderCycleLine(models.Model):
    """A product offered in a cycle, with the quantity the coop can sell.

    ``offered_qty`` = 0 means "no limit" (the producer delivers whatever is
    ordered); otherwise members can't order more than ``remaining_qty``.
    Quantities are in the product's unit of measure."""

    _name = "coop.order.cycle.line"
    _description = "Product offered in an order cycle"
    _order = "cycle_id, producer_id, product_id, id"

    cycle_id = fields.Many2one(
        "coop.order.cycle",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="cycle_id.company_id", store=True)
    state = fields.Selection(related="cycle_id.state")
    product_id = fields.Many2one("product.product", required=True, ondelete="restrict")
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    producer_id = fields.Many2one(
        related="product_id.coop_producer_id", store=True, index=True
    )
    offered_qty = fields.Float(
        string="Offered",
        digits="Product Unit of Measure",
        help="Quantity the coop can sell in this cycle; 0 means no limit.",
    )
    ordered_qty = fields.Float(
        string="Ordered",
        digits="Product Unit of Measure",
        compute="_compute_ordered_qty",
        help="In confirmed orders, quotations and carts of the cycle.",
    )
    remaining_qty = fields.Float(
        string="Remaining",
        digits="Product Unit of Measure",
        compute="_compute_ordered_qty",
        help="Offered minus ordered; not applicable (0) without a limit.",
    )
    unlimited = fields.Boolean(compute="_compute_ordered_qty")

    _sql_constraints = [
        (
            "product_unique",
            "UNIQUE(cycle_id, product_id)",
            "A product is offered only once per cycle.",
        ),
        (
            "offered_qty_positive",
            "CHECK(offered_qty >= 0)",
            "The offered quantity can't be negative (0 means no limit).",
        ),
    ]

    @api.depends("offered_qty", "cycle_id", "product_id")
    def _compute_ordered_qty(self):
        # One grouped query for the whole batch (a shop page, a cycle with
        # thousands of lines). In sudo: the quantity left is everybody's
        # business, but other members' orders are not readable.
        groups = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("coop_cycle_id", "in", self.cycle_id._origin.ids),
                    ("product_id", "in", self.product_id._origin.ids),
                    ("state", "in", ORDERED_STATES),
                ],
                ["coop_cycle_id", "product_id"],
                ["product_uom_qty:sum"],
            )
        )
        ordered = {(cycle.id, product.id): qty for cycle, product, qty in groups}
        for line in self:
            # _origin: lines being edited in the cycle form are new records.
            key = (line.cycle_id._origin.id, line.product_id._origin.id)
            qty = ordered.get(key, 0.0)
            line.ordered_qty = qty
            line.unlimited = not line.offered_qty
            line.remaining_qty = 0.0 if line.unlimited else line.offered_qty - qty

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.filtered(lambda line: line.cycle_id.state == "open")._publish_products()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if "product_id" in vals:
            self.filtered(
                lambda line: line.cycle_id.state == "open"
            )._publish_products()
        return res

    def _publish_products(self):
        """Offering a product in an open cycle makes it orderable: visitors
        and members only read published products (website_sale's record
        rules), so the offer publishes them. Nothing is unpublished at close:
        the cycle shop lists the open cycle's products only."""
        templates = self.product_id.product_tmpl_id.filtered(
            lambda template: not template.is_published
        )
        # sudo: the staff who offer a product need not be website publishers.
        templates.sudo().write({"is_published": True})

    def _available_qty(self):
        """What can still be ordered: infinity without a limit, never
        negative."""
        self.ensure_one()
        if self.unlimited:
            return float("inf")
        return max(self.remaining_qty, 0.0)
