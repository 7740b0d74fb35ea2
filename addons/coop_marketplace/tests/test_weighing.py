# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestWeighing(common.CoopMarketplaceCommon, TransactionCase):
    """A farm chicken sold by the piece, about 1.6 kg at 12.50 €/kg (20 €
    the piece): the volunteer weighs it before the pickup and the member
    pays the real weight; paid online, the difference is refunded or
    collected at the pickup."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chicken = cls.env["product.template"].create(
            {
                "name": "Poulet fermier test",
                "categ_id": cls.categ.id,
                "coop_producer_id": cls.farm_a.id,
                "coop_producer_price": 16.0,
                "list_price": 20.0,
                "is_storable": True,
                "taxes_id": [Command.clear()],
                "base_unit_count": 1.6,
                "base_unit_id": cls.env.ref("coop_marketplace.website_base_unit_kg").id,
                "coop_sold_by_weight": True,
            }
        )
        cls.chicken.list_price = 20.0
        cls.chicken_product = cls.chicken.product_variant_id
        cls.cycle.line_ids = [Command.create({"product_id": cls.chicken_product.id})]
        cls.cycle.action_open()
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Retrait pesée",
                "delivery_type": "coop_pickup",
                "product_id": cls.env["product.product"]
                .create({"name": "Retrait pesée", "type": "service"})
                .id,
            }
        )
        cls.order = cls._booked_order()
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        cls.provider.state = "test"

    @classmethod
    def _booked_order(cls):
        """A chicken, pay at pickup, booked in a Friday slot."""
        order = cls._create_order(cls.cycle, product=cls.chicken_product)
        order.set_delivery_line(cls.carrier, 0.0)
        order._set_pickup_location(json.dumps({"id": cls.point.id}))
        order._coop_set_pickup_slot(cls.cycle.slot_ids.sorted("start_datetime")[:1])
        order.action_confirm()
        return order

    def _line(self, order=None):
        return (order or self.order).order_line.filtered(
            lambda l: l.product_id == self.chicken_product
        )

    def _pay_online(self, order):
        tx = self.env["payment.transaction"].create(
            {
                "provider_id": self.provider.id,
                "payment_method_id": self.provider.with_context(active_test=False)
                .payment_method_ids[:1]
                .id,
                "amount": order.amount_total,
                "currency_id": order.currency_id.id,
                "partner_id": order.partner_id.id,
                "reference": f"COOP-WEIGH-{order.id}",
                "sale_order_ids": [Command.set(order.ids)],
            }
        )
        tx._set_done()
        return tx

    def _close(self):
        self.cycle._close()

    def test_estimate_then_real_weight(self):
        line = self._line()
        self.assertEqual(line.price_unit, 20.0)
        self.assertAlmostEqual(line.coop_estimated_weight, 1.6, 3)
        self.assertAlmostEqual(line.coop_price_per_kg, 12.5, 2)
        self.assertTrue(self.order.coop_to_weigh)
        self._close()
        self.order.with_user(self.volunteer)._coop_set_real_weights({line: 1.72})
        self.assertAlmostEqual(line.coop_real_weight, 1.72, 3)
        self.assertAlmostEqual(line.price_subtotal, 21.50, 2)
        self.assertAlmostEqual(line.coop_price_per_kg, 12.5, 2)
        self.assertFalse(self.order.coop_to_weigh)
        # Pay at pickup: nothing to settle, the total is the real one.
        self.assertAlmostEqual(self.order.amount_total, 21.50, 2)
        self.assertFalse(self.order.coop_refund_ids)
        self.assertIn("1,720", self.order.message_ids[0].body)
        # Weighed again (the scale was wrong): from the same price per kg.
        self.order.with_user(self.volunteer)._coop_set_real_weights({line: 1.40})
        self.assertAlmostEqual(line.price_subtotal, 17.50, 2)

    def test_paid_online_heavier_collects_the_difference(self):
        self._pay_online(self.order)
        self._close()
        self.order.with_user(self.volunteer)._coop_set_real_weights(
            {self._line(): 1.72}
        )
        self.assertAlmostEqual(self.order.amount_total, 21.50, 2)
        self.assertAlmostEqual(self.order.coop_amount_due, 1.50, 2)
        self.assertFalse(self.order.coop_refund_ids)

    def test_paid_online_lighter_refunds_the_difference(self):
        paid = self._pay_online(self.order)
        self._close()
        self.order.with_user(self.volunteer)._coop_set_real_weights(
            {self._line(): 1.40}
        )
        refund = self.order.coop_refund_ids
        self.assertEqual(len(refund), 1)
        self.assertEqual(refund.reason, "weight")
        self.assertAlmostEqual(refund.amount, 2.50, 2)
        self.assertFalse(self.order.coop_amount_due)
        common.run_job(self.env, "coop_marketplace.ir_cron_coop_order_refunds")
        self.assertAlmostEqual(paid.child_transaction_ids.amount, -2.50, 2)
        # Weighed again heavier than paid: the refund stands (already sent),
        # the rest is collected at the pickup.
        self.order.with_user(self.volunteer)._coop_set_real_weights(
            {self._line(): 1.72}
        )
        self.assertEqual(len(self.order.coop_refund_ids), 1)
        self.assertAlmostEqual(self.order.coop_amount_due, 21.50 - 20.0 + 2.50, 2)

    def test_bad_weights_change_nothing(self):
        line = self._line()
        with self.assertRaisesRegex(UserError, "cycle closes"):
            self.order.with_user(self.volunteer)._coop_set_real_weights({line: 1.7})
        self._close()
        for weight in (0.0, -1.0, 172.0, 0.5):
            with self.subTest(weight=weight), self.assertRaises(UserError):
                self.order.with_user(self.volunteer)._coop_set_real_weights(
                    {line: weight}
                )
        self.assertFalse(line.coop_real_weight)
        self.assertEqual(line.price_unit, 20.0)
        carrots = self._create_order(self.cycle)
        with self.assertRaises(UserError):
            self.order._coop_set_real_weights({carrots.order_line: 1.0})
        # Nobody hands the chicken over before it is weighed.
        with self.assertRaisesRegex(UserError, "weigh them first"):
            self.order.with_user(self.volunteer).action_coop_mark_collected()

    def test_only_volunteers_and_staff_weigh(self):
        self._close()
        with self.assertRaises(AccessError):
            self.order.with_user(self.portal_member)._coop_set_real_weights(
                {self._line(): 1.7}
            )
        with self.assertRaises(AccessError):
            self.order.with_user(self.producer_a)._coop_set_real_weights(
                {self._line(): 1.7}
            )
        self.assertFalse(self._line().coop_real_weight)

    def test_collected_orders_keep_their_weight(self):
        self._close()
        volunteer_order = self.order.with_user(self.volunteer)
        volunteer_order._coop_set_real_weights({self._line(): 1.72})
        volunteer_order.action_coop_mark_collected()
        with self.assertRaisesRegex(UserError, "already collected"):
            volunteer_order._coop_set_real_weights({self._line(): 1.5})

    def test_volunteer_weighs_in_the_dialog(self):
        self._close()
        form = Form(
            self.env["coop.weighing"]
            .with_user(self.volunteer)
            .with_context(active_id=self.order.id)
        )
        with form.line_ids.edit(0) as row:
            self.assertAlmostEqual(row.estimated_weight, 1.6, 3)
            row.real_weight = 1.72
        form.save().action_confirm()
        self.assertAlmostEqual(self._line().price_subtotal, 21.50, 2)

    def test_sold_by_weight_needs_a_weight_in_kg(self):
        with self.assertRaises(ValidationError):
            self.chicken.base_unit_count = 0
        with self.assertRaises(ValidationError):
            self.chicken.base_unit_id = self.env.ref(
                "coop_marketplace.website_base_unit_l"
            )

    def test_each_weighing_costs_the_same(self):
        """Weighing an order costs the same number of queries whatever the
        number of orders of the cycle (pickup day: one order after another)."""
        orders = self.order
        for _i in range(2):
            orders |= self._booked_order()
        self._close()
        counts = []
        for order in orders:
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            order.with_user(self.volunteer)._coop_set_real_weights(
                {self._line(order): 1.7}
            )
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertLessEqual(max(counts[1:]) - min(counts[1:]), 2, counts)
        self.assertLessEqual(counts[-1], counts[0], counts)
