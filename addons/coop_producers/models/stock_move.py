# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    coop_statement_line_ids = fields.One2many(
        "coop.producer.statement.line", "move_id", string="Producer statement lines"
    )
