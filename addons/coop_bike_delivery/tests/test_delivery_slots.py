# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CoopBikeCommon


@tagged("post_install", "-at_install", "coop_bike_delivery")
class TestDeliverySlots(CoopBikeCommon):
    def test_delivery_slots_are_made_from_the_hubs_templates(self):
        self.assertEqual(self.friday.kind, "delivery")
        self.assertEqual(self.friday.point_id, self.hub)
        self.assertEqual(self.friday.capacity, 6, "1 courier × 6 stops")
        self.assertEqual(self.saturday.capacity, 6, "2 couriers × 3 stops")
        self.saturday.courier_count = 3
        self.assertEqual(self.saturday.capacity, 9)
        with self.assertRaisesRegex(ValidationError, "at least one courier"):
            self.saturday.courier_count = 0
        self.assertIn("Home delivery", self.friday.display_name)
        # The hub's pickup hours don't list its delivery windows.
        self.assertFalse(any(self.hub._opening_hours().values()))

    def test_a_delivery_books_a_delivery_slot_only(self):
        partner = self._member_at("Zoé", zip_code="59800")
        order = self._create_order(self.cycle, partner=partner)
        order._set_delivery_method(self.bike)
        self.assertTrue(order._coop_needs_slot())
        self.assertEqual(order._coop_bookable_slots(), self.friday | self.saturday)
        pickup_slot = self.cycle.slot_ids.filtered(lambda s: s.kind == "pickup")[:1]
        with self.assertRaises(UserError):
            order._coop_slot_from_request(pickup_slot.id)
        with self.assertRaises(UserError):
            order._coop_set_pickup_slot(pickup_slot)
        order._coop_set_pickup_slot(order._coop_slot_from_request(self.friday.id))
        self.assertEqual(self.friday.booked, 1)
        order._check_cart_is_ready_to_be_paid()
        # Back to a pickup: the delivery place is given back.
        pickup = self.env["delivery.carrier"].create(
            {
                "name": "Retrait test",
                "delivery_type": "coop_pickup",
                "product_id": self.bike.product_id.id,
            }
        )
        order._set_delivery_method(pickup)
        self.assertFalse(order.coop_slot_id)
        self.assertEqual(self.friday.booked, 0)

    def test_fewer_couriers_keep_the_bookings_or_are_refused(self):
        """The capacity follows the couriers: 2 couriers × 3 stops hold 4
        orders, which a single courier (3 stops) can't take."""
        orders = self.env["sale.order"]
        for index in range(4):
            partner = self._member_at(f"Membre {index}", zip_code="59800")
            order = self._create_order(self.cycle, partner=partner)
            order._set_delivery_method(self.bike)
            order._coop_set_pickup_slot(self.saturday)
            orders |= order
        places = orders.mapped("coop_slot_place")
        self.assertEqual(len(set(places)), 4)
        self.assertTrue(set(places) <= set(range(1, 7)), places)
        with (
            self.assertRaisesRegex(ValidationError, "more bookings than its"),
            self.cr.savepoint(),
        ):
            self.saturday.courier_count = 1
        orders[0]._coop_release_pickup_slot()
        orders[1]._coop_release_pickup_slot()
        self.saturday.deliveries_per_round = 2  # 2 × 2
        self.saturday.courier_count = 1  # 1 × 2: the two left renumbered
        self.env.flush_all()
        orders.invalidate_recordset(["coop_slot_place"])
        self.assertEqual(self.saturday.capacity, 2)
        self.assertEqual(sorted(orders[2:].mapped("coop_slot_place")), [1, 2])
        self.assertEqual(self.saturday.booked, 2)

    def test_a_pickup_order_never_sees_delivery_slots(self):
        order = self._create_order(self.cycle)
        order.coop_point_id = self.hub
        self.assertFalse(
            order._coop_bookable_slots().filtered(lambda s: s.kind != "pickup")
        )

    def test_outside_the_zone_no_slot_and_no_payment(self):
        far = self._member_at("Roubaix", (50.6942, 3.1746), zip_code="59100")
        order = self._create_order(self.cycle, partner=far)
        order.carrier_id = self.bike
        self.assertFalse(order._coop_bookable_slots())
        with self.assertRaisesRegex(ValidationError, "doesn't reach"):
            order._check_cart_is_ready_to_be_paid()

    def test_no_slot_no_payment_and_a_moved_address_is_checked_again(self):
        partner = self._member_at("Inès", zip_code="59000")
        order = self._create_order(self.cycle, partner=partner)
        order._set_delivery_method(self.bike)
        with self.assertRaisesRegex(ValidationError, "delivery slot"):
            order._check_cart_is_ready_to_be_paid()
        order._coop_set_pickup_slot(self.saturday)
        # The member moves to Roubaix after booking.
        partner.write(
            {"zip": "59100", "partner_latitude": 50.6942, "partner_longitude": 3.1746}
        )
        with self.assertRaisesRegex(ValidationError, "doesn't reach"):
            order._check_cart_is_ready_to_be_paid()

    def test_delivery_notes_are_one_short_line(self):
        order = self._delivery(self._member_at("Léon"), self.friday, confirm=False)
        order._coop_set_delivery_notes("  Code   4512B\n3e étage ")
        self.assertEqual(order.coop_delivery_notes, "Code 4512B 3e étage")
        with self.assertRaisesRegex(UserError, "200 characters"):
            order._coop_set_delivery_notes("x" * 201)

    def test_a_pickup_points_address_is_not_a_home(self):
        """After a pickup, Odoo keeps the point as the member's delivery
        address: the bikes don't take it for her home."""
        self.point.partner_id.write(
            {"street": "150 rue Roger Salengro", "zip": "59260"}
        )
        member = self._member_at("Rose", zip_code="59260")
        at_point = self.env["res.partner"].create(
            {
                "name": "Rose, Hellemmes",
                "parent_id": member.id,
                "type": "delivery",
                "street": "150  Rue Roger Salengro",
                "zip": "59260",
                "city": "Hellemmes",
            }
        )
        order = self._create_order(self.cycle, partner=member)
        order.partner_shipping_id = at_point
        rate = self.bike.rate_shipment(order)
        self.assertFalse(rate["success"])
        self.assertIn("pickup point", rate["error_message"])
        order.carrier_id = self.bike
        self.assertFalse(order._coop_bookable_slots())
        order.partner_shipping_id = member
        self.assertTrue(self.bike.rate_shipment(order)["success"])
