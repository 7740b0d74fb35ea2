# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import ValidationError


class CoopSlotCouriers(models.AbstractModel):
    """The couriers of a delivery window, written once for the weekly
    window (``coop.slot.template``) and the dated slot it is copied into
    (``coop.slot``): a delivery slot's places are its couriers times the
    deliveries each makes in one round. Each model keeps its own
    ``capacity`` (computed from these) and ``kind``."""

    _name = "coop.slot.couriers"
    _description = "Couriers of a delivery window"

    courier_count = fields.Integer(string="Couriers", default=1)
    deliveries_per_round = fields.Integer(
        default=6, help="Stops one courier makes in one round of this slot."
    )

    def _couriers_capacity(self):
        """A delivery slot's places: couriers × deliveries per round; a
        pickup slot keeps its own number."""
        self.ensure_one()
        if self.kind == "delivery":
            return self.courier_count * self.deliveries_per_round
        return self.capacity or 10

    def _check_couriers_are_there(self):
        for record in self.filtered(lambda r: r.kind == "delivery"):
            if record.courier_count <= 0 or record.deliveries_per_round <= 0:
                raise ValidationError(
                    self.env._(
                        "A delivery slot needs at least one courier and one"
                        " delivery per round."
                    )
                )
