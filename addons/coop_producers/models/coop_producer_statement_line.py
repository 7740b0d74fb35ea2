# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopProducerStatementLine(models.Model):
    """One receipt (or return) on a producer statement."""

    _name = "coop.producer.statement.line"
    _description = "Producer statement line"
    _order = "statement_id, date, id"

    statement_id = fields.Many2one(
        "coop.producer.statement", required=True, ondelete="cascade", index=True
    )
    currency_id = fields.Many2one(related="statement_id.currency_id")
    move_id = fields.Many2one("stock.move", required=True, readonly=True, index=True)
    purchase_line_id = fields.Many2one("purchase.order.line", readonly=True)
    order_id = fields.Many2one(related="purchase_line_id.order_id", string="Order")
    product_id = fields.Many2one("product.product", required=True, readonly=True)
    product_uom_id = fields.Many2one(related="purchase_line_id.product_uom")
    date = fields.Datetime(readonly=True)
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    price_unit = fields.Float(
        string="Producer price", digits="Product Price", readonly=True
    )
    commission_rate = fields.Float(string="Commission (%)", readonly=True)
    amount_net = fields.Monetary(string="Net amount", readonly=True)
    amount_sales = fields.Monetary(string="Sales value", readonly=True)
    amount_commission = fields.Monetary(
        string="Commission", compute="_compute_amount_commission"
    )

    _sql_constraints = [
        # A receipt is paid once.
        ("move_uniq", "unique(move_id)", "A receipt is already on a statement."),
    ]

    @api.depends("amount_net", "amount_sales")
    def _compute_amount_commission(self):
        for line in self:
            line.amount_commission = line.amount_sales - line.amount_net
