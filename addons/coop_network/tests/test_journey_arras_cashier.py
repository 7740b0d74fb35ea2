# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_network", "coop_tour")
class TestJourneyArrasCashier(HttpCase):
    """The Arras épicerie's till on the demo data: the login "caisse-arras",
    the till "Caisse Arras", the Arras member Mehdi Haddad; no set-up of its
    own. On the épicerie's 1024×768 tablet."""

    browser_size = "1024x768"

    def test_arras_cashier_sells_at_the_one_price(self):
        arras = self.env.ref("coop_network.company_arras_demo")
        till = self.env["pos.config"].search([("name", "=", "Caisse Arras")])
        self.assertEqual(till.company_id, arras)
        mehdi = self.env.ref("coop_network.res_partner_arras_2_demo")
        number = mehdi.with_company(arras).coop_member_number
        self.assertEqual(number, "00002", "the Arras register numbers its own")
        # Lille's numbers mean nothing in Arras.
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        self.assertFalse(amina.with_company(arras).coop_member_number)
        lille_orders = self.env["pos.order"].search_count(
            [("company_id", "!=", arras.id)]
        )

        self.start_tour(
            f"/pos/ui?config_id={till.id}&coop_number={number}",
            "coop_network_journey_arras_cashier",
            login="caisse-arras",
        )

        order = self.env["pos.order"].search(
            [("config_id", "=", till.id), ("state", "in", ("paid", "done"))]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.company_id, arras)
        self.assertEqual(order.partner_id, mehdi)
        self.assertEqual(order.user_id.login, "caisse-arras")
        self.assertEqual(order.session_id.company_id, arras)
        self.assertEqual(
            order.payment_ids.payment_method_id.journal_id.company_id, arras
        )
        # The one price of Arras, from the server; taxed with Arras's taxes.
        reference = till.coop_reference_pricelist_id
        self.assertEqual(reference.company_id, arras)
        bread = self.env.ref("coop_members.product_pain_campagne_demo")
        self.assertEqual(order.lines.product_id, bread)
        self.assertEqual(sum(order.lines.mapped("qty")), 2)
        for line in order.lines:
            self.assertAlmostEqual(
                line.price_unit, reference._get_product_price(line.product_id, 1.0)
            )
            self.assertEqual(line.tax_ids.company_id, arras)
        # One price for all: nothing for the solidarity fund to count.
        entries = self.env["coop.solidarity.entry"].search(
            [("pos_order_line_id", "in", order.lines.ids)]
        )
        self.assertFalse(sum(entries.mapped("member_advantage")))
        self.assertEqual(
            self.env["pos.order"].search_count([("company_id", "!=", arras.id)]),
            lille_orders,
        )
