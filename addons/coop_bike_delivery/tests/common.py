# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.coop_marketplace.tests.common import CoopMarketplaceCommon

HUB = (50.6296, 3.0889)


class CoopBikeCommon(CoopMarketplaceCommon):
    """The marketplace's fixtures, plus a bike service from a hub at known
    coordinates: a Friday delivery slot (1 courier × 6 stops) and a Saturday
    one (2 couriers × 3 stops), a zone of the 59 postcodes within 5 km,
    bikes carrying 20 kg, two couriers; carrots weigh 1 kg, beer 0.5 kg."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carrots.weight = 1.0
        cls.beer.weight = 0.5
        cls.courier_a, cls.courier_b = (
            new_test_user(
                cls.env,
                login=login,
                name=name,
                groups="base.group_portal,coop_bike_delivery.group_coop_courier",
            )
            for login, name in (("courier_a", "Léa"), ("courier_b", "Yanis"))
        )
        cls.hub = cls.env["coop.pickup.point"].create(
            {
                "name": "Hub",
                "partner_id": cls.env["res.partner"]
                .create(
                    {
                        "name": "Épicerie hub",
                        "tz": "Europe/Paris",
                        "partner_latitude": HUB[0],
                        "partner_longitude": HUB[1],
                    }
                )
                .id,
                "slot_template_ids": [
                    Command.create(
                        {
                            "kind": "delivery",
                            "weekday": "4",
                            "hour_from": 18,
                            "hour_to": 20,
                            "courier_count": 1,
                            "deliveries_per_round": 6,
                        }
                    ),
                    Command.create(
                        {
                            "kind": "delivery",
                            "weekday": "5",
                            "hour_from": 14,
                            "hour_to": 17,
                            "courier_count": 2,
                            "deliveries_per_round": 3,
                        }
                    ),
                ],
            }
        )
        fee = cls.env["product.product"].create(
            {"name": "Livraison vélo test", "type": "service", "list_price": 4.0}
        )
        cls.bike = cls.env["delivery.carrier"].create(
            {
                "name": "Vélo test",
                "delivery_type": "coop_bike",
                "product_id": fee.id,
                "fixed_price": 4.0,
                "coop_bike_capacity_kg": 20.0,
            }
        )
        cls.zone = cls.env["coop.delivery.zone"].create(
            {
                "name": "Lille test",
                "carrier_id": cls.bike.id,
                "hub_point_id": cls.hub.id,
                "hub_latitude": HUB[0],
                "hub_longitude": HUB[1],
                "zip_prefixes": "59",
                "radius_km": 5.0,
            }
        )
        cls.cycle.action_open()
        cls.friday, cls.saturday = cls.cycle.slot_ids.filtered(
            lambda s: s.kind == "delivery"
        ).sorted("start_datetime")
        cls.friday.courier_ids = cls.courier_a
        cls.saturday.courier_ids = cls.courier_a | cls.courier_b

    @classmethod
    def _member_at(cls, name, coordinates=None, zip_code="59000"):
        values = {
            "name": name,
            "email": f"{name.lower().replace(' ', '.')}@example.org",
            "street": f"{len(name)} rue de {name}",
            "zip": zip_code,
            "city": "Lille",
            "phone": "+33 6 00 00 00 00",
        }
        if coordinates:
            values.update(
                partner_latitude=coordinates[0], partner_longitude=coordinates[1]
            )
        return cls.env["res.partner"].create(values)

    @classmethod
    def _delivery(cls, partner, slot, qty=1.0, confirm=True):
        """A bike order of ``qty`` kg of carrots delivered in ``slot``."""
        order = cls._create_order(cls.cycle, qty=qty, partner=partner)
        order._set_delivery_method(cls.bike)
        order._coop_set_pickup_slot(slot)
        if confirm:
            order.action_confirm()
        return order
