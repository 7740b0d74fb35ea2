# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import Command, http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestOrderEdit(HttpCase, common.CoopMarketplaceCommon):
    """A member changes or cancels their order until the close; the slot,
    the products left and the money follow, and nothing changes after."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle.line_ids.filtered(
            lambda l: l.product_id == cls.carrots_product
        ).offered_qty = 10
        cls.fives = cls.env["coop.pickup.point"].create(
            {
                "name": "Fives",
                "partner_id": cls.env["res.partner"]
                .create({"name": "Halle de Fives", "tz": "Europe/Paris"})
                .id,
                "slot_template_ids": [
                    Command.create(
                        {"weekday": "4", "hour_from": 18, "hour_to": 20, "capacity": 1}
                    ),
                ],
            }
        )
        cls.cycle.action_open()
        cls.friday = cls.cycle.slot_ids.filtered(lambda s: s.capacity == 3)
        cls.fives_friday = cls.cycle.slot_ids.filtered(
            lambda s: s.point_id == cls.fives
        )
        cls.alice = new_test_user(
            cls.env,
            login="coop_edit_alice",
            password="coop_edit_alice",
            groups="base.group_portal",
        )
        cls.bob = new_test_user(
            cls.env,
            login="coop_edit_bob",
            password="coop_edit_bob",
            groups="base.group_portal",
        )
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Retrait modifiable",
                "delivery_type": "coop_pickup",
                "product_id": cls.env["product.product"]
                .create({"name": "Retrait modifiable", "type": "service"})
                .id,
            }
        )
        cls.order = cls._order(cls.alice.partner_id, 3)
        cls.order_bob = cls._order(cls.bob.partner_id, 4)
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        cls.provider.state = "test"

    @classmethod
    def _order(cls, partner, qty):
        order = cls._create_order(cls.cycle, qty=qty, partner=partner)
        order.set_delivery_line(cls.carrier, 0.0)
        order._set_pickup_location(json.dumps({"id": cls.point.id}))
        order._coop_set_pickup_slot(cls.friday)
        order.action_confirm()
        return order

    def _pay(self, order, amount, reference):
        tx = self.env["payment.transaction"].create(
            {
                "provider_id": self.provider.id,
                "payment_method_id": self.provider.with_context(active_test=False)
                .payment_method_ids[:1]
                .id,
                "amount": amount,
                "currency_id": order.currency_id.id,
                "partner_id": order.partner_id.id,
                "reference": reference,
                "sale_order_ids": [Command.set(order.ids)],
            }
        )
        tx._set_done()
        return tx

    def _carrots(self, order):
        return order.order_line.filtered(lambda l: l.product_id == self.carrots_product)

    # ------------------------------------------------------------------
    # The money
    # ------------------------------------------------------------------

    def test_decrease_paid_online_refunds_exactly_the_difference(self):
        paid_tx = self._pay(self.order, self.order.amount_total, "COOP-EDIT-1")
        before = self.order.amount_total
        self.order._coop_member_edit({self._carrots(self.order): 1})
        self.assertEqual(self._carrots(self.order).product_uom_qty, 1)
        difference = before - self.order.amount_total
        self.assertAlmostEqual(difference, 2 * self.carrots_product.lst_price, 2)
        refund = self.order.coop_refund_ids
        self.assertEqual(len(refund), 1)
        self.assertEqual(refund.reason, "edit")
        self.assertAlmostEqual(refund.amount, difference, places=2)
        self.assertEqual(refund.state, "pending")
        self.assertFalse(self.order.coop_amount_due)
        self.assertFalse(self.order._has_to_be_paid())
        # Sent by the refunds' job through the provider, partially.
        common.run_job(self.env, "coop_marketplace.ir_cron_coop_order_refunds")
        refund_tx = paid_tx.child_transaction_ids
        self.assertEqual(refund_tx.operation, "refund")
        self.assertEqual(refund_tx.state, "done")
        self.assertAlmostEqual(refund_tx.amount, -difference, places=2)
        # Nothing owed either way afterwards; a second save refunds nothing.
        self.order._coop_member_edit({self._carrots(self.order): 1})
        self.assertEqual(len(self.order.coop_refund_ids), 1)
        self.assertFalse(self.order.coop_amount_due)

    def test_increase_asks_for_the_difference(self):
        self._pay(self.order, self.order.amount_total, "COOP-EDIT-2")
        before = self.order.amount_total
        self.order._coop_member_edit({self._carrots(self.order): 5})
        difference = self.order.amount_total - before
        self.assertAlmostEqual(difference, 2 * self.carrots_product.lst_price, 2)
        self.assertAlmostEqual(self.order.coop_amount_due, difference, places=2)
        self.assertFalse(self.order.coop_refund_ids)
        # Never a silent unpaid increase: the order asks to be paid, and
        # Odoo's payment form takes what is left.
        self.assertTrue(self.order._has_to_be_paid())
        self.assertLess(self.order.amount_paid, self.order.amount_total)
        self.assertAlmostEqual(
            self.order._get_default_payment_link_values()["amount"], difference, 2
        )
        self._pay(self.order, difference, "COOP-EDIT-3")
        self.assertFalse(self.order.coop_amount_due)
        self.assertFalse(self.order._has_to_be_paid())

    def test_pay_at_pickup_has_nothing_to_settle(self):
        self.order._coop_member_edit({self._carrots(self.order): 1})
        self.order._coop_member_edit({self._carrots(self.order): 4})
        self.assertFalse(self.order.coop_refund_ids)
        self.assertFalse(self.order.coop_amount_due)
        self.assertFalse(self.order._has_to_be_paid())

    def test_cancel_gives_back_slot_goods_and_money(self):
        self._pay(self.order, self.order.amount_total, "COOP-EDIT-4")
        paid = self.order.amount_total
        booked = self.friday.booked
        carrots = self.cycle._line_of(self.carrots_product)
        ordered = carrots.ordered_qty
        self.order._coop_member_cancel()
        self.assertEqual(self.order.state, "cancel")
        self.assertFalse(self.order.coop_slot_id)
        self.assertEqual(self.friday.booked, booked - 1)
        carrots.invalidate_recordset()
        self.assertEqual(carrots.ordered_qty, ordered - 3)
        refund = self.order.coop_refund_ids
        self.assertEqual(refund.reason, "cancel")
        self.assertAlmostEqual(refund.amount, paid, places=2)
        with self.assertRaises(UserError):
            self.order._coop_member_cancel()

    # ------------------------------------------------------------------
    # What is left, what is allowed
    # ------------------------------------------------------------------

    def test_within_what_is_left_all_or_nothing(self):
        # 10 offered: Alice 3, Bob 4, 3 left.
        line = self._carrots(self.order)
        with self.assertRaisesRegex(UserError, "At most 6 "):
            self.order._coop_member_edit({line: 7}, additions={self.beer_product: 2})
        # Nothing half-written: neither the carrots nor the beer.
        self.assertEqual(line.product_uom_qty, 3)
        self.assertNotIn(self.beer_product, self.order.order_line.product_id)
        self.order._coop_member_edit({line: 6}, additions={self.beer_product: 2})
        self.assertEqual(line.product_uom_qty, 6)
        beer = self.order.order_line.filtered(
            lambda l: l.product_id == self.beer_product
        )
        self.assertEqual(beer.product_uom_qty, 2)
        # Priced by the server (the order's pricelist).
        self.assertAlmostEqual(
            beer.price_unit,
            self.order.pricelist_id._get_product_price(self.beer_product, 1.0),
        )
        # Its delivery follows.
        self.assertIn(
            self.beer_product,
            self.order.picking_ids.move_ids.filtered(
                lambda m: m.state not in ("done", "cancel")
            ).product_id,
        )
        with self.assertRaisesRegex(UserError, "empty"):
            self.order._coop_member_edit({line: 0, beer: 0})
        other = self.env["product.product"].create({"name": "Hors cycle"})
        with self.assertRaises(UserError):
            self.order._coop_member_edit({}, additions={other: 1})
        with self.assertRaises(UserError):
            self.order._coop_member_edit({self._carrots(self.order_bob): 1})

    def test_locked_after_the_close(self):
        self.cycle._close()
        with self.assertRaisesRegex(UserError, "closed"):
            self.order._coop_member_edit({self._carrots(self.order): 1})
        with self.assertRaises(UserError):
            self.order._coop_member_cancel()
        self.assertEqual(self._carrots(self.order).product_uom_qty, 3)
        self.assertEqual(self.order.state, "sale")

    # ------------------------------------------------------------------
    # The order's page
    # ------------------------------------------------------------------

    def _post(self, order, route, data):
        return self.url_open(
            f"/my/orders/{order.id}/{route}",
            data={**data, "csrf_token": http.Request.csrf_token(self)},
        )

    def test_portal_edits_own_order_only(self):
        self.authenticate("coop_edit_alice", "coop_edit_alice")
        page = self.url_open(f"/my/orders/{self.order.id}")
        self.assertIn("o_coop_edit_order", page.text)
        line = self._carrots(self.order)
        response = self._post(
            self.order,
            "coop_edit",
            {
                f"qty_{line.id}": "2",
                "add_product_id": self.beer_product.id,
                "add_qty": "1",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_coop_slot_message", response.text)
        self.assertEqual(line.product_uom_qty, 2)
        self.assertIn(self.beer_product, self.order.order_line.product_id)
        # Bob's order, or Bob's line on her order: nothing changes.
        bob_line = self._carrots(self.order_bob)
        self._post(self.order_bob, "coop_edit", {f"qty_{bob_line.id}": "1"})
        self._post(self.order, "coop_edit", {f"qty_{bob_line.id}": "1"})
        self._post(self.order_bob, "coop_cancel", {})
        self.assertEqual(bob_line.product_uom_qty, 4)
        self.assertEqual(self.order_bob.state, "sale")
        # Bad input is told, not written.
        response = self._post(self.order, "coop_edit", {f"qty_{line.id}": "deux"})
        self.assertIn("alert-danger", response.text)
        self.assertEqual(line.product_uom_qty, 2)
        response = self._post(self.order, "coop_cancel", {})
        self.assertEqual(self.order.state, "cancel")

    def test_portal_says_when_locked(self):
        self.cycle._close()
        self.authenticate("coop_edit_alice", "coop_edit_alice")
        page = self.url_open(f"/my/orders/{self.order.id}")
        self.assertIn("o_coop_order_locked", page.text)
        self.assertNotIn("o_coop_edit_order", page.text)
        line = self._carrots(self.order)
        response = self._post(self.order, "coop_edit", {f"qty_{line.id}": "1"})
        self.assertIn("alert-danger", response.text)
        self.assertEqual(line.product_uom_qty, 3)

    def test_portal_moves_to_another_point_all_or_nothing(self):
        self.assertEqual(len(self.fives_friday), 1)
        booked = self.friday.booked
        self.authenticate("coop_edit_alice", "coop_edit_alice")
        page = self.url_open(f"/my/orders/{self.order.id}")
        self.assertIn('label="Fives"', page.text)
        response = self._post(
            self.order, "coop_slot", {"slot_id": self.fives_friday.id}
        )
        self.assertIn("alert-success", response.text)
        self.assertEqual(self.order.coop_point_id, self.fives)
        self.assertEqual(self.order.coop_slot_id, self.fives_friday)
        self.assertEqual(self.fives_friday.booked, 1)
        self.assertEqual(self.friday.booked, booked - 1)
        # Full now: Bob stays at his point, in his slot.
        self.authenticate("coop_edit_bob", "coop_edit_bob")
        response = self._post(
            self.order_bob, "coop_slot", {"slot_id": self.fives_friday.id}
        )
        self.assertIn("alert-danger", response.text)
        self.assertEqual(self.order_bob.coop_point_id, self.point)
        self.assertEqual(self.order_bob.coop_slot_id, self.friday)
        self.assertEqual(self.friday.booked, booked - 1)
        self.assertEqual(self.fives_friday.booked, 1)
