# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopProducerStatementWizard(models.TransientModel):
    """Draft statements of a period for every producer (or some) with
    receipts not yet stated."""

    _name = "coop.producer.statement.wizard"
    _description = "Prepare producer statements"

    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    producer_ids = fields.Many2many(
        "res.partner",
        string="Producers",
        domain=[("coop_is_producer", "=", True)],
        help="Leave empty for all producers.",
    )

    def action_generate(self):
        self.ensure_one()
        statements = self.env["coop.producer.statement"]._generate(
            self.date_from, self.date_to, self.producer_ids or None
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Producer statements"),
            "res_model": "coop.producer.statement",
            "view_mode": "list,form",
            "domain": [("id", "in", statements.ids)],
        }
