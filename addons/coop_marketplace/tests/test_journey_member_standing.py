# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace", "coop_tour")
class TestJourneyMemberStanding(HttpCase):
    """Amina takes a basket by subscription on her phone, on the demo data:
    the login "membre", the orchard's fruit basket, the open cycle."""

    browser_size = "390x844"
    touch_enabled = True

    def test_member_takes_a_basket_by_subscription(self):
        basket = self.env.ref(
            "coop_marketplace.product_basket_debuyser_demo"
        ).product_variant_id
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        self.assertIn(basket, cycle.line_ids.product_id)
        fives = self.env.ref("coop_marketplace.coop_pickup_point_fives_demo")
        Standing = self.env["coop.standing.order"]
        self.assertFalse(
            Standing.search(
                [("partner_id", "=", amina.id), ("product_id", "=", basket.id)]
            )
        )

        self.start_tour(
            "/my/standing", "coop_marketplace_journey_member_standing", login="membre"
        )

        standing = Standing.search(
            [("partner_id", "=", amina.id), ("product_id", "=", basket.id)]
        )
        self.assertEqual(standing.state, "active")
        self.assertEqual(standing.point_id, fives)
        self.assertEqual(standing.slot_template_id.weekday, "4")
        self.assertEqual(standing.company_id, cycle.company_id)
        order = standing.order_ids
        self.assertEqual(order.coop_cycle_id, cycle)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.coop_point_id, fives)
        self.assertTrue(order.coop_slot_id)
        # Her prices, from the server.
        line = order.order_line.filtered(lambda l: l.product_id == basket)
        self.assertAlmostEqual(
            line.price_unit, order.pricelist_id._get_product_price(basket, 1.0), 2
        )
