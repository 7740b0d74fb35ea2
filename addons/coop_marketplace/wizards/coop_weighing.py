# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopWeighing(models.TransientModel):
    """Pickup day, on a phone: the volunteer types the weight shown by the
    scale for each product of the order sold by weight."""

    _name = "coop.weighing"
    _description = "Weighing of an order"

    order_id = fields.Many2one("sale.order", required=True, readonly=True)
    partner_id = fields.Many2one(related="order_id.partner_id", string="Member")
    currency_id = fields.Many2one(related="order_id.currency_id")
    line_ids = fields.One2many("coop.weighing.line", "weighing_id")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        order = self.env["sale.order"].browse(
            values.get("order_id") or self.env.context.get("active_id")
        )
        if order:
            order._coop_check_weighable()
            values["order_id"] = order.id
            values["line_ids"] = [
                fields.Command.create(
                    {"sale_line_id": line.id, "real_weight": line.coop_real_weight}
                )
                for line in order._coop_weighed_lines()
            ]
        return values

    def action_confirm(self):
        self.ensure_one()
        self.order_id._coop_set_real_weights(
            {line.sale_line_id: line.real_weight for line in self.line_ids}
        )
        return {"type": "ir.actions.act_window_close"}
