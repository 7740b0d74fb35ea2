# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_solidarity_price", "coop_tour")
class TestJourneyCashier(HttpCase):
    """The cashier's journey on the demo data: the demo login "caisse", the
    demo till and the demo member at "Tarif B"; no set-up of its own."""

    def test_cashier_sells_to_a_member_at_her_tier(self):
        till = self.env["pos.config"].search([("name", "=", "Caisse épicerie")])
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        self.assertEqual(amina.with_context(lang="fr_FR").coop_tier_label, "Tarif B")
        self.start_tour(
            f"/pos/ui?config_id={till.id}",
            "coop_solidarity_journey_cashier",
            login="caisse",
        )
        order = self.env["pos.order"].search(
            [("config_id", "=", till.id), ("state", "in", ("paid", "done"))]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.partner_id, amina)
        self.assertEqual(order.user_id.login, "caisse")
        # Her tier's price, computed by the server's pricelist.
        pricelist = amina.property_product_pricelist
        self.assertEqual(order.pricelist_id, pricelist)
        line = order.lines
        self.assertEqual(len(line), 1)
        expected = pricelist._get_product_price(line.product_id, 1.0)
        self.assertAlmostEqual(line.price_unit, expected)
        self.assertLess(expected, line.product_id.lst_price)
        # The advantage is recorded in the solidarity fund.
        entry = self.env["coop.solidarity.entry"].search(
            [("pos_order_line_id", "=", line.id)]
        )
        self.assertEqual(len(entry), 1)
        self.assertAlmostEqual(entry.charged_price, expected)
