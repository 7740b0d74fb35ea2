# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged
from odoo.tools import config


@tagged("post_install", "-at_install", "coop_network", "coop_tour")
class TestJourneyArrasMember(HttpCase):
    """A member of the Arras épicerie orders on LeCourtCircuit's website
    and collects in Arras: the demo's login "arras", LeCourtCircuit's
    website (served at lecourtcircuit.localhost, as with ``make run``), its
    open cycle and pickup points; no set-up of its own."""

    browser_size = "390x844"
    touch_enabled = True

    def test_arras_member_orders_on_lecourtcircuit(self):
        member = self.env.ref("coop_network.res_partner_arras_1_demo")
        website = self.env.ref("coop_network.website_lecourtcircuit_demo")
        company = self.env.ref("coop_network.company_lecourtcircuit_demo")
        cycle = self.env.ref("coop_network.coop_order_cycle_lecourtcircuit_demo")
        before = self.env["sale.order"].search([("partner_id", "=", member.id)])
        host = f"http://lecourtcircuit.localhost:{config['http_port']}"
        self.start_tour(
            f"{host}/web/login?redirect=/shop", "coop_network_journey_arras_member"
        )

        order = self.env["sale.order"].search([("partner_id", "=", member.id)]) - before
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual((order.website_id, order.company_id), (website, company))
        self.assertEqual(order.coop_cycle_id, cycle)
        point = self.env.ref("coop_network.coop_pickup_point_arras_lcc_demo")
        self.assertEqual(order.coop_point_id, point)
        self.assertEqual(order.coop_slot_id.point_id, point)
        self.assertEqual(order.coop_slot_id.cycle_id, cycle)
        self.assertEqual(order.coop_slot_id.company_id, company)
        line = order.order_line.filtered(lambda line: not line.is_delivery)
        self.assertEqual(
            line.product_id,
            self.env.ref("coop_producers.product_marais_1_demo").product_variant_id,
        )
        # Priced and taxed by LeCourtCircuit, from the server.
        self.assertEqual(line.tax_id.company_id, company)
        self.assertAlmostEqual(
            line.price_unit,
            order.pricelist_id._get_product_price(line.product_id, 1.0),
        )
        self.assertEqual(order.transaction_ids.provider_id.company_id, company)
        # Nothing of it in the Arras épicerie.
        arras = self.env.ref("coop_network.company_arras_demo")
        self.assertFalse(
            self.env["sale.order"].search_count(
                [("partner_id", "=", member.id), ("company_id", "=", arras.id)]
            )
        )
