# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace", "coop_tour")
class TestJourneyPickupWeighing(HttpCase):
    """Pickup day on a phone, on the demo data: the till's volunteer
    ("caisse") weighs Amina's chicken and squash of this week's farm cycle,
    closed yesterday; no set-up of its own."""

    browser_size = "390x844"
    touch_enabled = True

    def test_volunteer_weighs_the_goods_sold_by_weight(self):
        order = self.env.ref("coop_marketplace.sale_order_weighing_1_demo")
        self.assertEqual(order.coop_cycle_id.state, "closed")
        self.assertTrue(order.coop_to_weigh)
        chicken = order.order_line.filtered(
            lambda l: (
                l.product_id.product_tmpl_id
                == self.env.ref("coop_producers.product_vanackere_1_demo")
            )
        )
        squash = order.order_line.filtered(
            lambda l: (
                l.product_id.product_tmpl_id
                == self.env.ref("coop_producers.product_marais_5_demo")
            )
        )
        eggs = order.order_line.filtered(
            lambda l: (
                l.product_id.product_tmpl_id
                == self.env.ref("coop_producers.product_vanackere_6_demo")
            )
        )
        # The prices per kg of her tier, before weighing.
        per_kg = {
            line: line.price_unit / line.product_id.base_unit_count
            for line in chicken | squash
        }
        eggs_total = eggs.price_total

        self.start_tour(
            "/odoo/action-coop_marketplace.sale_order_action_pickup",
            "coop_marketplace_journey_pickup_weighing",
            login="caisse",
        )

        self.assertAlmostEqual(chicken.coop_real_weight, 1.72, 3)
        self.assertAlmostEqual(squash.coop_real_weight, 1.3, 3)
        for line, weight in ((chicken, 1.72), (squash, 1.3)):
            self.assertAlmostEqual(
                line.price_subtotal, round(per_kg[line] * weight, 2), 2
            )
        # Goods not sold by weight keep their price; paid at pickup, the
        # member pays the new total there, nothing is refunded.
        self.assertEqual(eggs.price_total, eggs_total)
        self.assertFalse(order.coop_to_weigh)
        self.assertFalse(order.coop_refund_ids)
        note = order.message_ids.filtered(lambda m: "Pesé" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id.name, "Julien Lefebvre")

    def test_the_shop_says_the_chicken_is_weighed(self):
        """The member reads the estimate and the price per kg in the shop,
        and that the basket total is an estimate."""
        self.authenticate("membre", "membre")
        page = self.url_open("/shop?search=Poulet").text
        self.assertIn("o_coop_sold_by_weight", page)
        self.assertIn("pesé au retrait", page)
        self.assertIn("1,60", page)
        chicken = self.env.ref("coop_producers.product_vanackere_1_demo")
        self.url_open(
            "/shop/cart/update",
            data={
                "product_id": chicken.product_variant_id.id,
                "add_qty": 1,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        cart = self.url_open("/shop/cart").text
        self.assertIn("o_coop_estimated_total", cart)
        self.assertIn("le prix suit le poids réel", cart)
