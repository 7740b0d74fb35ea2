# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.coop_marketplace.tests.common import CoopMarketplaceCommon


@tagged("post_install", "-at_install", "coop_test_extension_points")
class TestExtensionPoints(CoopMarketplaceCommon):
    """What this addon adds goes through the hooks only: its models define
    a rule's and a mode's methods, and our addons' code is not edited."""

    def test_a_new_price_rule_prices_the_shop_and_the_fund(self):
        tier = self.env["coop.price.tier"].create(
            {
                "name": "Forfait",
                "display_label": "Tarif F",
                "rule": "flat_off",
                "flat_off_amount": 0.50,
            }
        )
        self.assertTrue(tier.is_discount, "sells below the reference: the fund pays")
        product = self.carrots_product
        reference = self.env["coop.price.tier"]._reference_prices(product)[product.id]
        price = tier.pricelist_id._get_product_price(product, 1.0)
        self.assertAlmostEqual(price, reference - 0.50, places=2)
        # The rule's own field is a pricing field: the pricelist follows.
        tier.flat_off_amount = 0.20
        price = tier.pricelist_id._get_product_price(product, 1.0)
        self.assertAlmostEqual(price, reference - 0.20, places=2)
        tier.flat_off_amount = 0.0
        self.assertFalse(tier.is_discount)

    def test_a_new_delivery_mode_books_its_own_slots(self):
        self.cycle.action_open()
        locker = self.env["coop.pickup.point"].create(
            {
                "name": "Consigne gare",
                "partner_id": self.env["res.partner"]
                .create({"name": "Consigne gare", "tz": "Europe/Paris"})
                .id,
            }
        )
        window = self.env["coop.slot"].create(
            {
                "point_id": locker.id,
                "cycle_id": self.cycle.id,
                "kind": "locker",
                "start_datetime": datetime(2030, 1, 5, 8),
                "end_datetime": datetime(2030, 1, 5, 20),
                "capacity": 2,
            }
        )
        carrier = self.env["delivery.carrier"].create(
            {
                "name": "Consigne",
                "delivery_type": "coop_test_locker",
                "coop_locker_point_id": locker.id,
                "product_id": self.env["product.product"]
                .create({"name": "Consigne", "type": "service"})
                .id,
            }
        )
        order = self._create_order(self.cycle)
        order.set_delivery_line(carrier, 0.0)
        self.assertTrue(order._coop_needs_slot())
        self.assertEqual(order._coop_bookable_slots(), window)
        with self.assertRaisesRegex(ValidationError, "Choose a locker window"):
            order._check_cart_is_ready_to_be_paid()
        pickup_slot = self.cycle.slot_ids.filtered(lambda s: s.kind == "pickup")[:1]
        self.assertTrue(pickup_slot)
        with self.assertRaises(UserError):
            order._coop_slot_from_request(pickup_slot.id)
        order._coop_set_pickup_slot(order._coop_slot_from_request(window.id))
        self.assertEqual(window.booked, 1)
        self.assertEqual(order.coop_point_id, locker)
        order._check_cart_is_ready_to_be_paid()
        # "Pay at pickup" is the pickup mode's, not this one's.
        self.assertFalse(carrier._coop_paid_at_handover())
        self.assertFalse(carrier._coop_needs_point())
        # The check every mode shares: the cycle takes no more orders.
        self.cycle.close_datetime = fields.Datetime.now() - timedelta(minutes=1)
        with self.assertRaisesRegex(ValidationError, "cycle is closed"):
            order._check_cart_is_ready_to_be_paid()
        # A pickup carrier meanwhile keeps its own answers.
        pickup = self.env["delivery.carrier"].create(
            {
                "name": "Retrait",
                "delivery_type": "coop_pickup",
                "product_id": carrier.product_id.id,
                "coop_pickup_point_ids": [Command.set(self.point.ids)],
            }
        )
        self.assertEqual(pickup._coop_slot_kind(), "pickup")
        self.assertTrue(pickup._coop_paid_at_handover())
