# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestOrderedQty(common.CoopMarketplaceCommon):
    def test_ordered_and_remaining(self):
        carrots, beer = self.cycle.line_ids.sorted(
            lambda line: line.product_id != self.carrots_product
        )
        carrots.offered_qty = 10
        self.cycle.action_open()
        cart = self._create_order(self.cycle, qty=2)  # draft: a cart
        confirmed = self._create_order(self.cycle, qty=3)
        confirmed.action_confirm()
        cancelled = self._create_order(self.cycle, qty=4)
        cancelled._action_cancel()
        other_cycle = self._create_cycle(name="Other")
        self._create_order(other_cycle, qty=5)
        self._create_order(self.cycle, qty=6, product=self.beer_product)
        self.assertEqual(carrots.ordered_qty, 5)
        self.assertEqual(carrots.remaining_qty, 5)
        self.assertFalse(carrots.unlimited)
        self.assertEqual(carrots._available_qty(), 5)
        # Without a limit: no remaining quantity, anything can be ordered.
        self.assertEqual(beer.ordered_qty, 6)
        self.assertTrue(beer.unlimited)
        self.assertEqual(beer._available_qty(), float("inf"))
        cart.order_line.product_uom_qty = 9
        # Not stored: computed once per transaction and cached until then.
        self.cycle.line_ids.invalidate_recordset(["ordered_qty", "remaining_qty"])
        self.assertEqual(carrots.ordered_qty, 12)
        self.assertEqual(carrots.remaining_qty, -2)
        self.assertEqual(carrots._available_qty(), 0)

    def test_other_members_orders_count_for_everyone(self):
        """A member sees what is left, though others' orders are hidden."""
        self.cycle.action_open()
        self._create_order(self.cycle, qty=4)
        line = self.cycle.line_ids.filtered(
            lambda line: line.product_id == self.carrots_product
        )
        line.offered_qty = 10
        self.assertEqual(line.with_user(self.portal_member).remaining_qty, 6)

    def _batch(self, size):
        """A cycle offering ``size`` new products, each ordered twice."""
        products = self.env["product.product"].create(
            [{"name": f"Produit {i}", "list_price": 2} for i in range(size)]
        )
        cycle = self._create_cycle(name=f"Batch {size}", products=products)
        cycle.line_ids.offered_qty = 100
        for __ in range(2):
            self.env["sale.order"].create(
                {
                    "partner_id": self.member.id,
                    "coop_cycle_id": cycle.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": 3})
                        for product in products
                    ],
                }
            )
        return cycle

    def test_one_query_for_many_lines(self):
        small, large = self._batch(20), self._batch(40)
        for cycle in (small, large):
            self.env.invalidate_all()
            # As the shop gets them: a search (a fresh recordset prefetches
            # all its records; cycle.line_ids would not, after invalidation).
            lines = self.env["coop.order.cycle.line"].browse(cycle.line_ids.ids)
            self.env.invalidate_all()
            # Lines, then one grouped query for all their ordered quantities.
            with self.assertQueryCount(2):
                self.assertEqual(set(lines.mapped("remaining_qty")), {94})
