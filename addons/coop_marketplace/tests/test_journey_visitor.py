# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace", "coop_tour")
class TestJourneyVisitor(HttpCase):
    """A visitor's journey on the demo data, on a phone: the demo's open
    cycle is for members; the visitor logs in as the demo member "membre"
    from the product page. No set-up of its own."""

    browser_size = "390x844"
    touch_enabled = True

    def test_visitor_learns_the_cycle_is_for_members_and_logs_in(self):
        member = self.env.ref("coop_members.res_users_member_demo").partner_id
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        self.assertTrue(cycle.members_only)
        carrots = self.env.ref("coop_producers.product_marais_1_demo")
        before = self.env["sale.order"].search([("partner_id", "=", member.id)])

        self.start_tour("/shop", "coop_marketplace_journey_visitor")

        cart = self.env["sale.order"].search([("partner_id", "=", member.id)]) - before
        self.assertEqual(len(cart), 1)
        self.assertEqual(cart.state, "draft")
        self.assertEqual(cart.coop_cycle_id, cycle)
        self.assertEqual(cart.order_line.product_id.product_tmpl_id, carrots)
        # At her tier's price, from the server.
        self.assertEqual(cart.pricelist_id, member.property_product_pricelist)
        self.assertAlmostEqual(
            cart.order_line.price_unit,
            cart.pricelist_id._get_product_price(cart.order_line.product_id, 1.0),
        )
        # No cart was left behind for the public user.
        public = self.env.ref("base.public_partner")
        self.assertFalse(
            self.env["sale.order"].search_count([("partner_id", "=", public.id)])
        )
