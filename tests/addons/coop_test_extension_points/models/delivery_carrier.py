# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import ValidationError


class DeliveryCarrier(models.Model):
    """A delivery mode through the hooks: parcel lockers filled for a
    window, at the one point the carrier names."""

    _inherit = "delivery.carrier"

    delivery_type = fields.Selection(
        selection_add=[("coop_test_locker", "Parcel locker")],
        ondelete={"coop_test_locker": "set default"},
    )
    coop_locker_point_id = fields.Many2one("coop.pickup.point", string="Locker")

    def coop_test_locker_rate_shipment(self, order):
        return {
            "success": True,
            "price": self.fixed_price,
            "error_message": False,
            "warning_message": False,
        }

    def coop_test_locker_send_shipping(self, pickings):
        return [{"exact_price": 0.0, "tracking_number": False} for _p in pickings]

    def _coop_test_locker_slot_kind(self):
        return "locker"

    def _coop_test_locker_slot_domain(self, order, all_points=False):
        if not order.coop_cycle_id:
            return None
        return [
            ("cycle_id", "=", order.coop_cycle_id.id),
            ("kind", "=", "locker"),
            ("point_id", "=", self.coop_locker_point_id.id),
        ]

    def _coop_test_locker_check_ready(self, order):
        if not order.coop_slot_id:
            raise ValidationError("Choose a locker window.")
