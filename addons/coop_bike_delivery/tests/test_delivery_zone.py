# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "coop_bike_delivery")
class TestDeliveryZone(TransactionCase):
    """The demo's Lille bike zone: postcodes, a 5 km radius around the hub
    (the épicerie of Fives, 50.6296 N 3.0889 E), 4 €, free from 40 €."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bike = cls.env.ref("coop_marketplace.delivery_carrier_bike_demo")
        cls.zone = cls.env.ref("coop_bike_delivery.coop_delivery_zone_lille_demo")
        cls.carrots = cls.env.ref(
            "coop_producers.product_marais_1_demo"
        ).product_variant_id
        Partner = cls.env["res.partner"]
        cls.by_postcode = Partner.create({"name": "Lille sans GPS", "zip": "59800"})
        # Croix (59170) is not a postcode of the zone, but 3.5 km from the hub.
        cls.by_radius = Partner.create(
            {
                "name": "Croix, 4 km",
                "zip": "59170",
                "partner_latitude": 50.6600,
                "partner_longitude": 3.0780,
            }
        )
        # Roubaix: 59100, 10 km away.
        cls.outside = Partner.create(
            {
                "name": "Roubaix",
                "zip": "59100",
                "partner_latitude": 50.6942,
                "partner_longitude": 3.1746,
            }
        )
        # In a zone postcode but measured 10 km away: coordinates decide.
        cls.far_in_postcode = Partner.create(
            {
                "name": "Lille mal placée",
                "zip": "59000",
                "partner_latitude": 50.6942,
                "partner_longitude": 3.1746,
            }
        )

    def _order(self, partner, qty=1):
        return self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    (0, 0, {"product_id": self.carrots.id, "product_uom_qty": qty})
                ],
            }
        )

    def test_zone_by_postcode_radius_and_fallback(self):
        self.assertTrue(self.zone._contains(self.by_postcode), "postcode, no GPS")
        self.assertTrue(self.zone._contains(self.by_radius), "4 km from the hub")
        self.assertFalse(self.zone._contains(self.outside))
        self.assertFalse(self.zone._contains(self.far_in_postcode))
        self.assertFalse(
            self.zone._contains(self.env["res.partner"].new({"name": "Sans adresse"}))
        )

    def test_outside_the_zone_the_carrier_is_not_offered_and_says_why(self):
        rate = self.bike.rate_shipment(self._order(self.outside))
        self.assertFalse(rate["success"])
        self.assertIn("59100", rate["error_message"])
        self.assertIn("pickup point", rate["error_message"])

    def test_fee_is_the_same_for_every_member_and_free_from_40(self):
        member = self.env.ref("coop_members.coop_member_demo_01")  # −60 %, 59000
        tier = self.env.ref("coop_solidarity_price.coop_price_tier_a_demo")
        self.assertEqual(member.property_product_pricelist, tier.pricelist_id)
        rate = self.bike.rate_shipment(self._order(member))
        self.assertTrue(rate["success"], rate["error_message"])
        self.assertEqual(rate["price"], 4.0, "the reference fee, not −60 %")
        big = self._order(self.by_postcode, qty=40)
        self.assertGreaterEqual(big.amount_total, 40.0)
        self.assertEqual(self.bike.rate_shipment(big)["price"], 0.0)

    def test_a_zone_has_postcodes_or_a_radius_around_a_hub(self):
        Zone = self.env["coop.delivery.zone"]
        base = {"carrier_id": self.bike.id, "hub_point_id": self.zone.hub_point_id.id}
        with self.assertRaisesRegex(ValidationError, "postcodes or a radius"):
            Zone.create({"name": "Vide", **base})
        with self.assertRaisesRegex(ValidationError, "hub's coordinates"):
            Zone.create({"name": "Rayon", "radius_km": 3, **base})
