# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import ValidationError


class DeliveryCarrier(models.Model):
    """The coop's delivery modes, and the first of them.

    A delivery mode is a ``delivery_type`` whose orders book a slot of the
    order's cycle at checkout. The checkout, the slot step and the payment
    ask the order's carrier through the ``_coop_*`` methods below, which
    call the mode's own ``_<delivery_type>_<hook>``:

    - ``slot_kind()``: the kind of ``coop.slot`` it books;
    - ``slot_domain(order, all_points)``: the slots ``order`` may book
      (None: nothing to book yet, e.g. no point chosen);
    - ``check_ready(order)``: its own last word before payment (the point
      it serves, the address in a zone), a ``ValidationError`` if not;
    - ``needs_point()``: the member chooses a pickup point first;
    - ``paid_at_handover()``: "Pay at pickup" is offered.

    ``coop_pickup`` (here) and ``coop_bike`` (coop_bike_delivery) implement
    them; a new mode adds its ``delivery_type`` and its hooks, nothing
    edited (the test addon ``coop_test_extension_points`` adds one).

    ``coop_pickup``: collection at one of the coop's pickup points, chosen
    in Odoo's pickup-location selector, then a time slot."""

    _inherit = "delivery.carrier"

    delivery_type = fields.Selection(
        selection_add=[("coop_pickup", "Coop pickup point")],
        ondelete={"coop_pickup": "set default"},
    )
    # Read by Odoo (delivery, website_sale) as f"{delivery_type}_use_locations".
    coop_pickup_use_locations = fields.Boolean(default=True)
    coop_pickup_point_ids = fields.Many2many(
        "coop.pickup.point",
        string="Pickup points",
        help="Leave empty to offer every active pickup point of the company.",
    )

    def coop_pickup_rate_shipment(self, order):
        """The carrier's fixed price (usually free): pickup has no rate API."""
        self.ensure_one()
        return {
            "success": True,
            "price": self.fixed_price,
            "error_message": False,
            "warning_message": False,
        }

    # === The delivery modes' hooks, asked by the orders === #

    def _coop_mode_hook(self, hook):
        """This carrier's mode's method for ``hook`` (None: not a coop
        delivery mode, or no carrier)."""
        if len(self) != 1 or not self.delivery_type:
            return None
        return getattr(self, f"_{self.delivery_type}_{hook}", None)

    def _coop_slot_kind(self):
        """The kind of slot this method books at checkout (False: none, or
        no method)."""
        hook = self._coop_mode_hook("slot_kind")
        return hook() if hook else False

    def _coop_slot_domain(self, order, all_points=False):
        """The slots ``order`` may book with this method (None: nothing to
        book yet). Without a coop mode (an order the staff made, no method):
        the slots at the order's own point."""
        hook = self._coop_mode_hook("slot_domain")
        if hook:
            return hook(order, all_points=all_points)
        return self.browse()._coop_pickup_slot_domain(order)

    def _coop_check_ready(self, order):
        """The last word before payment, for every mode: the mode's own
        check, then the one every mode shares (the cycle still takes
        orders)."""
        hook = self._coop_mode_hook("check_ready")
        if not hook:
            return
        hook(order)
        if not order.coop_cycle_id._takes_orders():
            raise ValidationError(
                self.env._("The order cycle is closed: this basket can't be paid.")
            )

    def _coop_needs_point(self):
        hook = self._coop_mode_hook("needs_point")
        return bool(hook and hook())

    def _coop_paid_at_handover(self):
        hook = self._coop_mode_hook("paid_at_handover")
        return bool(hook and hook())

    # === coop_pickup: the mode's hooks === #

    def _coop_pickup_slot_kind(self):
        return "pickup"

    def _coop_pickup_needs_point(self):
        return True

    def _coop_pickup_paid_at_handover(self):
        return True

    def _coop_pickup_slot_domain(self, order, all_points=False):
        """The pickup slots of the order's point (of every point this
        carrier serves, with ``all_points``) in its cycle."""
        if not (order.coop_point_id and order.coop_cycle_id):
            return None
        points = (
            self._coop_pickup_points() if all_points and self else order.coop_point_id
        )
        return [
            ("cycle_id", "=", order.coop_cycle_id.id),
            ("kind", "=", "pickup"),
            ("point_id", "in", points.ids),
        ]

    def _coop_pickup_check_ready(self, order):
        point, slot = order.coop_point_id, order.coop_slot_id
        if not point or point not in self._coop_pickup_points():
            raise ValidationError(self.env._("Please choose a pickup point."))
        if not slot:
            raise ValidationError(self.env._("Please choose a pickup slot."))
        if not order._coop_slot_fits(slot):
            raise ValidationError(
                self.env._(
                    "The pickup slot doesn't match the pickup point or the cycle."
                )
            )

    def coop_pickup_send_shipping(self, pickings):
        return [{"exact_price": 0.0, "tracking_number": False} for _p in pickings]

    def _coop_pickup_points(self):
        """The points this carrier serves."""
        self.ensure_one()
        # sudo: visitors choosing a point read points, not their contacts.
        points = self.sudo().coop_pickup_point_ids or self.env[
            "coop.pickup.point"
        ].sudo().search(
            [("company_id", "in", (self.company_id or self.env.company).ids)]
        )
        return points.filtered("active")

    def _coop_pickup_get_close_locations(self, partner_address, **kwargs):
        """Pickup locations in the format of Odoo's location selector."""
        return [point._location_values() for point in self._coop_pickup_points()]
