# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

EARTH_RADIUS_KM = 6371.0


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine), in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = math.radians(lat2 - lat1)
    dlambda = math.radians(lon2 - lon1)
    a = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


class CoopDeliveryZone(models.Model):
    """Where the bike couriers deliver: postcodes and/or a radius around
    the hub. No online geocoding here: an address with stored coordinates
    is measured against the radius, one without falls back to its
    postcode."""

    _name = "coop.delivery.zone"
    _description = "Bike delivery zone"
    _order = "sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    carrier_id = fields.Many2one(
        "delivery.carrier",
        string="Delivery method",
        required=True,
        ondelete="cascade",
        domain="[('delivery_type', '=', 'coop_bike')]",
    )
    hub_point_id = fields.Many2one(
        "coop.pickup.point",
        string="Hub",
        required=True,
        ondelete="restrict",
        help="The pickup point the couriers leave from: its delivery slots are"
        " this zone's, and an order nobody received waits there.",
    )
    zip_prefixes = fields.Char(
        string="Postcodes",
        help="Postcodes or their beginnings, separated by commas (59000, 59800, 5926).",
    )
    # The hub's coordinates, for the radius and the order of the stops.
    hub_latitude = fields.Float(digits=(10, 7))
    hub_longitude = fields.Float(digits=(10, 7))
    radius_km = fields.Float(
        string="Radius (km)",
        help="Addresses with coordinates within this distance of the hub are in"
        " the zone; addresses without coordinates are judged by their postcode.",
    )
    free_over = fields.Monetary(
        string="Free above",
        help="Delivery is free for a basket of at least this amount, taxes"
        " included (0: never free).",
    )

    @api.constrains(
        "name",
        "zip_prefixes",
        "radius_km",
        "hub_latitude",
        "hub_longitude",
        "free_over",
    )
    def _check_zone_shape(self):
        for zone in self:
            if zone.radius_km < 0 or zone.free_over < 0:
                raise ValidationError(self.env._("A radius or an amount is positive."))
            if zone.radius_km and not (zone.hub_latitude or zone.hub_longitude):
                raise ValidationError(
                    self.env._(
                        "Zone %(zone)s: a radius needs the hub's coordinates.",
                        zone=zone.name,
                    )
                )
            if not zone.radius_km and not zone._prefixes():
                raise ValidationError(
                    self.env._(
                        "Zone %(zone)s: give postcodes or a radius around the hub.",
                        zone=zone.name,
                    )
                )

    def _prefixes(self):
        self.ensure_one()
        return [
            prefix.strip().replace(" ", "")
            for prefix in (self.zip_prefixes or "").split(",")
            if prefix.strip()
        ]

    def _contains(self, partner):
        """Whether the zone serves ``partner``'s address: by distance when
        both the zone (a radius) and the address have coordinates, else by
        postcode."""
        self.ensure_one()
        has_coordinates = partner.partner_latitude or partner.partner_longitude
        if self.radius_km and has_coordinates:
            return (
                distance_km(
                    self.hub_latitude,
                    self.hub_longitude,
                    partner.partner_latitude,
                    partner.partner_longitude,
                )
                <= self.radius_km
            )
        postcode = (partner.zip or "").replace(" ", "")
        return bool(postcode) and any(
            postcode.startswith(prefix) for prefix in self._prefixes()
        )

    @api.onchange("hub_point_id")
    def _onchange_hub_point_id(self):
        address = self.hub_point_id.partner_id
        if address.partner_latitude or address.partner_longitude:
            self.hub_latitude = address.partner_latitude
            self.hub_longitude = address.partner_longitude
