# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import html
import json

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestCheckout(common.CoopMarketplaceCommon):
    """Pickup point and slot at checkout: whatever the browser sends, the
    server decides."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.point.partner_id.write(
            {"street": "12 rue Roger Salengro", "city": "Hellemmes", "zip": "59260"}
        )
        cls.other_point = cls.env["coop.pickup.point"].create(
            {
                "name": "Lomme",
                "partner_id": cls.env["res.partner"].create({"name": "Lomme"}).id,
                "slot_template_ids": [
                    Command.create(
                        {"weekday": "4", "hour_from": 17, "hour_to": 19, "capacity": 5}
                    )
                ],
            }
        )
        cls.cycle.action_open()
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Retrait test",
                "delivery_type": "coop_pickup",
                "product_id": cls.env["product.product"]
                .create({"name": "Retrait test", "type": "service"})
                .id,
                "coop_pickup_point_ids": [Command.set(cls.point.ids)],
            }
        )
        cls.slot = cls.cycle.slot_ids.filtered(
            lambda s: s.point_id == cls.point and s.capacity == 3
        )
        cls.other_slot = cls.cycle.slot_ids.filtered(
            lambda s: s.point_id == cls.other_point
        )

    def _cart(self):
        order = self._create_order(self.cycle)
        order.set_delivery_line(self.carrier, 0.0)
        return order

    def test_locations_come_from_the_database(self):
        locations = self.carrier._coop_pickup_get_close_locations(self.member)
        self.assertEqual([loc["id"] for loc in locations], [self.point.id])
        self.assertEqual(locations[0]["street"], "12 rue Roger Salengro")
        order = self._cart()
        # A forged address is ignored: only the id is read.
        order._set_pickup_location(
            json.dumps({"id": self.point.id, "street": "1 rue Fausse", "city": "X"})
        )
        self.assertEqual(order.coop_point_id, self.point)
        self.assertEqual(order.pickup_location_data["street"], "12 rue Roger Salengro")
        # A point the carrier doesn't serve, or garbage, is refused.
        for data in ({"id": self.other_point.id}, {"id": "x"}, ["x"]):
            with self.assertRaises(UserError):
                order._set_pickup_location(json.dumps(data))
        self.assertEqual(order.coop_point_id, self.point)
        # Nothing chosen (the selector's first call): no point.
        order._set_pickup_location("{}")
        self.assertFalse(order.coop_point_id)

    def test_slot_choice_is_checked(self):
        order = self._cart()
        order._set_pickup_location(json.dumps({"id": self.point.id}))
        self.assertIn(self.slot, order._coop_bookable_slots())
        self.assertNotIn(self.other_slot, order._coop_bookable_slots())
        for forged in (self.other_slot.id, "abc", None, 999999999):
            with self.assertRaises(UserError):
                order._coop_slot_from_request(forged)
        order._coop_set_pickup_slot(order._coop_slot_from_request(str(self.slot.id)))
        self.assertEqual(order.coop_slot_id, self.slot)
        self.assertEqual(self.slot.booked, 1)
        # Changing the point gives the slot back.
        self.carrier.coop_pickup_point_ids |= self.other_point
        order._set_pickup_location(json.dumps({"id": self.other_point.id}))
        self.assertFalse(order.coop_slot_id)
        self.assertEqual(self.slot.booked, 0)

    def test_ready_to_be_paid(self):
        order = self._cart()
        with self.assertRaises(ValidationError):
            order._check_cart_is_ready_to_be_paid()  # no point
        order._set_pickup_location(json.dumps({"id": self.point.id}))
        with self.assertRaises(ValidationError):
            order._check_cart_is_ready_to_be_paid()  # no slot
        order._coop_set_pickup_slot(self.slot)
        order._check_cart_is_ready_to_be_paid()
        self.carrier.coop_pickup_point_ids = self.other_point
        with self.assertRaises(ValidationError):
            order._check_cart_is_ready_to_be_paid()  # point no longer served
        self.carrier.coop_pickup_point_ids = self.point
        self.cycle._close()
        with self.assertRaises(ValidationError):
            order._check_cart_is_ready_to_be_paid()  # cycle closed

    def test_other_delivery_method_gives_the_slot_back(self):
        order = self._cart()
        order._set_pickup_location(json.dumps({"id": self.point.id}))
        order._coop_set_pickup_slot(self.slot)
        other = self.env["delivery.carrier"].create(
            {
                "name": "Vélo",
                "delivery_type": "fixed",
                "fixed_price": 3,
                "product_id": self.carrier.product_id.id,
            }
        )
        order.set_delivery_line(other, 3.0)
        self.assertFalse(order.coop_slot_id)
        self.assertFalse(order.coop_point_id)
        self.assertEqual(self.slot.booked, 0)

    def test_confirmation_email_gives_point_slot_and_items(self):
        order = self._cart()
        order._set_pickup_location(json.dumps({"id": self.point.id}))
        order._coop_set_pickup_slot(self.slot)
        order.action_confirm()
        message = order.message_ids.filtered(lambda m: self.member in m.partner_ids)[:1]
        self.assertTrue(message, "the member is notified")
        self.assertIn(self.slot.display_name, message.body)
        self.assertIn("Carottes A", message.body)
        self.assertTrue(
            self.env["mail.mail"].search([("mail_message_id", "=", message.id)]),
            "an email is queued",
        )

    def test_one_confirmation_email_without_a_pdf(self):
        """Confirmed by its payment (Odoo's ``send_email``), a cycle's order
        sends its member one e-mail, the coop's, saying what she pays;
        Odoo's quotation e-mail, whose PDF held her checkout for seconds,
        is not sent (nor its "payment received" twin)."""
        order = self._cart()
        order._set_pickup_location(json.dumps({"id": self.point.id}))
        order._coop_set_pickup_slot(self.slot)
        order.with_context(send_email=True).action_confirm()
        order._send_payment_succeeded_for_order_mail()
        mails = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.member.ids), ("model", "=", "sale.order")]
        )
        self.assertEqual(len(mails), 1)
        self.assertFalse(
            mails.attachment_ids | mails.mail_message_id.attachment_ids,
            "no quotation PDF",
        )
        self.assertIn(self.slot.display_name, mails.body_html)
        status = order.with_context(lang=self.member.lang)._coop_member_status()
        self.assertIn(
            html.escape(status.money), mails.body_html.replace("&nbsp;", "\xa0")
        )


@tagged("post_install", "-at_install", "coop_marketplace")
class TestShopCycle(common.CoopMarketplaceCommon):
    """The shop sells the open cycle's products only, to members when the
    cycle says so, never beyond what is left."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.website = cls.env["website"].get_current_website()
        cls.website.coop_cycle_shop = True
        cls.member.coop_member_state = "active"
        cls.cart = cls.env["sale.order"].create(
            {"partner_id": cls.member.id, "website_id": cls.website.id}
        )
        cls.other = cls.env["product.product"].create(
            {"name": "Hors cycle", "list_price": 2, "is_published": True}
        )

    def test_no_open_cycle(self):
        with self.assertRaisesRegex(UserError, "no order cycle is open"):
            self.cart._cart_update(self.carrots_product.id, add_qty=1)
        self.assertFalse(self.cart.order_line)
        self.assertFalse(self.cart.coop_cycle_id)
        # Nothing on the shelves between cycles.
        self.assertFalse(
            self.env["product.template"].search_count(
                self.website.sale_product_domain()
            )
        )

    def test_open_cycle(self):
        self.cycle.line_ids.filtered(
            lambda l: l.product_id == self.carrots_product
        ).offered_qty = 5
        self.cycle.action_open()
        offered = self.env["product.template"].search(
            self.website.sale_product_domain()
        )
        self.assertEqual(offered, self.carrots | self.beer)
        with self.assertRaisesRegex(UserError, "not on offer"):
            self.cart._cart_update(self.other.id, add_qty=1)
        self.assertFalse(self.cart.order_line)
        result = self.cart._cart_update(self.carrots_product.id, add_qty=3)
        self.assertEqual(self.cart.coop_cycle_id, self.cycle)
        self.assertEqual(self.cart.order_line.product_uom_qty, 3)
        self.assertFalse(result.get("warning"))
        # Beyond what is left: capped, with a message.
        result = self.cart._cart_update(self.carrots_product.id, add_qty=4)
        self.assertEqual(self.cart.order_line.product_uom_qty, 5)
        self.assertIn("Only 5 left", result["warning"])

    def test_members_only(self):
        self.cycle.members_only = True
        self.cycle.action_open()
        self.member.coop_member_state = "candidate"
        with self.assertRaisesRegex(UserError, "reserved to the coop's members"):
            self.cart._cart_update(self.carrots_product.id, add_qty=1)
        self.assertFalse(self.cart.order_line)
        self.cycle.members_only = False
        self.cart._cart_update(self.carrots_product.id, add_qty=1)
        self.assertEqual(self.cart.order_line.product_uom_qty, 1)

    def test_basket_of_a_closed_cycle(self):
        self.cycle.action_open()
        self.cart._cart_update(self.carrots_product.id, add_qty=1)
        self.cycle._close()
        self._create_cycle("Cycle suivant").action_open()
        with self.assertRaisesRegex(UserError, "which is closed"):
            self.cart._cart_update(self.beer_product.id, add_qty=1)
        self.assertEqual(len(self.cart.order_line), 1)
