# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopSlotTemplate(models.Model):
    """A weekly delivery window at the hub: its places are the couriers
    times the deliveries each makes in one round."""

    _name = "coop.slot.template"
    _inherit = ["coop.slot.template", "coop.slot.couriers"]

    kind = fields.Selection(
        selection_add=[("delivery", "Home delivery")],
        ondelete={"delivery": "cascade"},
    )
    capacity = fields.Integer(
        compute="_compute_capacity",
        store=True,
        readonly=False,
        precompute=True,
        default=None,
    )

    @api.depends("kind", "courier_count", "deliveries_per_round")
    def _compute_capacity(self):
        for template in self:
            template.capacity = template._couriers_capacity()

    @api.constrains("kind", "courier_count", "deliveries_per_round")
    def _check_couriers(self):
        self._check_couriers_are_there()

    def _prepare_slot_values(self, cycle, start, end):
        values = super()._prepare_slot_values(cycle, start, end)
        values.update(
            courier_count=self.courier_count,
            deliveries_per_round=self.deliveries_per_round,
        )
        return values
