# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_pos_bulk", "coop_tour")
class TestCashierWeighsBulk(HttpCase):
    """The demo till (login "caisse", French, the épicerie's tablet) has no
    scale: the cashier types the weight and the jar's tare; the order holds
    the net weight."""

    browser_size = "1024x768"

    def test_cashier_weighs_bulk_with_the_jars_tare(self):
        till = self.env["pos.config"].search([("name", "=", "Caisse épicerie")])
        self.assertTrue(till.coop_member_till)
        self.assertFalse(till.iface_electronic_scale, "no scale: typed by hand")
        lentils = self.env.ref("coop_members.product_lentilles_vrac_demo")
        self.assertTrue(lentils.to_weight)

        self.start_tour(
            f"/pos/ui?config_id={till.id}",
            "coop_pos_bulk_cashier_weighs",
            login="caisse",
        )

        order = self.env["pos.order"].search(
            [("config_id", "=", till.id), ("state", "in", ("paid", "done"))]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.lines.product_id, lentils)
        self.assertAlmostEqual(order.lines.qty, 0.5, 3)
        self.assertEqual(
            order.partner_id,
            self.env.ref("coop_members.res_users_member_demo").partner_id,
        )
