# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestMinimums(common.CoopMarketplaceCommon):
    """A producer's minimum order per cycle, settled at the close, and the
    basket minimum at checkout."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle.action_open()
        cls.member_b = cls.env["res.partner"].create(
            {"name": "Bastien Lemaire", "email": "bastien@example.org"}
        )
        cls.orders = cls.env["sale.order"]
        for partner in (cls.member, cls.member_b):
            order = cls._create_order(cls.cycle, qty=2, partner=partner)
            order.order_line = [
                (0, 0, {"product_id": cls.beer_product.id, "product_uom_qty": 1})
            ]
            order.action_confirm()
            cls.orders |= order

    def _carrot_lines(self):
        return self.orders.order_line.filtered(
            lambda l: l.product_id == self.carrots_product
        )

    def _minimum(self, amount, **vals):
        return self.env["coop.order.cycle.minimum"].create(
            {
                "cycle_id": self.cycle.id,
                "producer_id": self.farm_a.id,
                "minimum_amount": amount,
                **vals,
            }
        )

    def _purchase_partners(self):
        return (
            self.env["purchase.order"]
            .search([("coop_pooling_id", "=", self.cycle.pooling_id.id)])
            .partner_id
        )

    def test_a_producer_short_of_its_minimum_does_not_deliver(self):
        ordered = sum(self._carrot_lines().mapped("price_subtotal"))
        self.assertGreater(ordered, 0)
        minimum = self._minimum(ordered + 5)
        self.assertAlmostEqual(minimum.ordered_amount, ordered)
        self.assertFalse(minimum.reached)
        paid = {order: order.amount_total for order in self.orders}

        self.cycle._close()

        # The farm's products come off, the brewery's stay.
        self.assertEqual(self._carrot_lines().mapped("product_uom_qty"), [0, 0])
        beer = self.orders.order_line.filtered(
            lambda l: l.product_id == self.beer_product
        )
        self.assertEqual(beer.mapped("product_uom_qty"), [1, 1])
        for order in self.orders:
            self.assertLess(order.amount_total, paid[order])
            self.assertAlmostEqual(
                order.coop_shortage_amount, paid[order] - order.amount_total, 2
            )
        # No purchase order for the farm; the brewery's is there.
        self.assertEqual(self._purchase_partners(), self.farm_b)
        # Each member is told why, by email.
        for order in self.orders:
            message = order.message_ids.filtered(
                lambda m, order=order: order.partner_id in m.partner_ids
            )[:1]
            self.assertIn("minimum", message.body)
            self.assertIn(self.carrots_product.display_name, message.body)
            self.assertTrue(
                message.notification_ids.filtered(
                    lambda n: n.notification_type == "email"
                )
            )

    def test_an_exception_confirmed_delivers_anyway(self):
        ordered = sum(self._carrot_lines().mapped("price_subtotal"))
        self._minimum(ordered + 5, exception=True)
        self.cycle._close()
        self.assertEqual(self._carrot_lines().mapped("product_uom_qty"), [2, 2])
        self.assertEqual(self._purchase_partners(), self.farm_a | self.farm_b)

    def test_a_minimum_reached_changes_nothing(self):
        ordered = sum(self._carrot_lines().mapped("price_subtotal"))
        minimum = self._minimum(ordered)
        self.assertTrue(minimum.reached)
        self.cycle._close()
        self.assertEqual(self._carrot_lines().mapped("product_uom_qty"), [2, 2])
        self.assertFalse(self.orders.filtered("coop_shortage_amount"))

    def test_the_producers_usual_minimum_comes_with_its_products(self):
        self.farm_a.coop_min_order_amount = 30
        cycle = self._create_cycle("Cycle suivant", products=self.beer_product)
        cycle.producer_ids = self.farm_a
        cycle.action_add_producer_products()
        self.assertEqual(cycle.minimum_ids.producer_id, self.farm_a)
        self.assertEqual(cycle.minimum_ids.minimum_amount, 30)
        # Not twice.
        cycle.action_add_producer_products()
        self.assertEqual(len(cycle.minimum_ids), 1)

    def test_the_basket_minimum_is_checked_before_payment(self):
        order = self._create_order(self.cycle, qty=1)
        self.assertFalse(order._coop_basket_minimum_message())
        order.website_id = self.env.ref("website.default_website")
        order.website_id.coop_min_basket_amount = order.amount_total + 3
        message = order._coop_basket_minimum_message()
        self.assertIn("3", message)
        with self.assertRaisesRegex(ValidationError, "minimum"):
            order._check_cart_is_ready_to_be_paid()
        # The cycle's own minimum comes first.
        self.cycle.min_basket_amount = order.amount_total
        self.assertFalse(order._coop_basket_minimum_message())
