# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import ValidationError


class DeliveryCarrier(models.Model):
    """``coop_bike``: home delivery by the bike couriers, within zones."""

    _inherit = "delivery.carrier"

    delivery_type = fields.Selection(
        selection_add=[("coop_bike", "Bike couriers")],
        ondelete={"coop_bike": "set default"},
    )
    coop_zone_ids = fields.One2many(
        "coop.delivery.zone", "carrier_id", string="Delivery zones"
    )
    coop_bike_capacity_kg = fields.Float(
        string="Bike load (kg)",
        default=100.0,
        help="What one cargo bike carries: a round above it is flagged.",
    )

    def _coop_zone_for(self, partner):
        """The first zone of this carrier serving ``partner``'s address; none
        for a pickup point's address (Odoo keeps the point of a previous
        pickup as the member's delivery address: not a home)."""
        self.ensure_one()
        if self.env["coop.pickup.point"]._coop_is_point_address(partner):
            return self.env["coop.delivery.zone"]
        # sudo: a member's checkout reads the zones, not their settings.
        return self.sudo().coop_zone_ids.filtered(lambda zone: zone._contains(partner))[
            :1
        ]

    def coop_bike_rate_shipment(self, order):
        """The one rule of the bike fee: outside the zones, not offered
        (with why); inside, the carrier's own fee, the same for every member
        (never a tier's price, so never in the solidarity fund), free from
        the zone's basket amount."""
        self.ensure_one()
        partner = order.partner_shipping_id
        if self.env["coop.pickup.point"]._coop_is_point_address(partner):
            return {
                "success": False,
                "price": 0.0,
                "error_message": self.env._(
                    "%(address)s is a pickup point: choose your own address"
                    " to be delivered.",
                    address=partner.street,
                ),
                "warning_message": False,
            }
        zone = self._coop_zone_for(partner)
        if not zone:
            return {
                "success": False,
                "price": 0.0,
                "error_message": self.env._(
                    "Bike delivery doesn't reach %(address)s yet: choose a"
                    " pickup point.",
                    address=partner.zip or partner.city or partner.display_name,
                ),
                "warning_message": False,
            }
        goods = sum(
            order.order_line.filtered(lambda line: not line.is_delivery).mapped(
                "price_total"
            )
        )
        free = (
            zone.free_over
            and order.currency_id.compare_amounts(goods, zone.free_over) >= 0
        )
        return {
            "success": True,
            "price": 0.0 if free else self.fixed_price,
            "error_message": False,
            "warning_message": False,
        }

    # === coop_bike: the delivery mode's hooks (see coop_marketplace) === #

    def _coop_bike_slot_kind(self):
        return "delivery"

    def _coop_bike_slot_domain(self, order, all_points=False):
        """The delivery slots ``order`` can book: those of the hub of the
        zone serving its address, in its cycle; None outside the zones."""
        self.ensure_one()
        zone = self._coop_zone_for(order.partner_shipping_id)
        if not (zone and order.coop_cycle_id):
            return None
        return [
            ("cycle_id", "=", order.coop_cycle_id.id),
            ("kind", "=", "delivery"),
            ("point_id", "=", zone.hub_point_id.id),
        ]

    def _coop_bike_check_ready(self, order):
        """The address is in a zone, the slot is one of its hub's in the
        cart's cycle."""
        domain = self._coop_bike_slot_domain(order)
        if domain is None:
            raise ValidationError(
                self.env._(
                    "Bike delivery doesn't reach this address: choose a pickup point."
                )
            )
        slot = order.coop_slot_id
        if not slot:
            raise ValidationError(self.env._("Please choose a delivery slot."))
        if not slot.sudo().filtered_domain(domain):
            raise ValidationError(
                self.env._("The delivery slot doesn't serve this address any more.")
            )

    def coop_bike_send_shipping(self, pickings):
        return [{"exact_price": 0.0, "tracking_number": False} for _p in pickings]
