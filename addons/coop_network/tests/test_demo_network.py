# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "coop_network")
class TestDemoNetwork(TransactionCase):
    """The network's demo is what the README promises: three platforms,
    each with its own register, shop and people."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lille = cls.env.ref("base.main_company")
        cls.arras = cls.env.ref("coop_network.company_arras_demo")
        cls.lcc = cls.env.ref("coop_network.company_lecourtcircuit_demo")

    def test_arras_keeps_its_own_register(self):
        movements = self.env["coop.share.movement"].search(
            [("company_id", "=", self.arras.id)], order="name"
        )
        self.assertEqual(
            movements.mapped("name"),
            ["REG/000001", "REG/000002", "REG/000003", "REG/000004"],
        )
        camille = self.env.ref("coop_network.res_partner_arras_1_demo")
        self.assertEqual(camille.with_company(self.arras).coop_member_number, "00001")
        self.assertEqual(camille.with_company(self.arras).coop_member_state, "active")
        self.assertFalse(camille.with_company(self.lille).coop_member_state)
        # A member of both épiceries: two numbers, two memberships.
        both = self.env.ref("coop_members.coop_member_demo_05")
        self.assertEqual(both.with_company(self.arras).coop_member_number, "00004")
        self.assertTrue(both.with_company(self.lille).coop_member_number)
        self.assertNotEqual(both.with_company(self.lille).coop_member_number, "00004")
        # One price for all in Arras.
        tiers = self.env["coop.price.tier"].search([("company_id", "=", self.arras.id)])
        self.assertEqual(tiers.mapped("is_reference"), [True])
        # Its own till, paid into its own journal, selling taxed in Arras.
        till = self.env["pos.config"].search([("company_id", "=", self.arras.id)])
        self.assertEqual(till.name, "Caisse Arras")
        self.assertTrue(till.coop_member_till)
        self.assertEqual(till.payment_method_ids.journal_id.company_id, self.arras)
        bread = self.env.ref("coop_members.product_pain_campagne_demo")
        self.assertTrue(bread.taxes_id.filtered(lambda t: t.company_id == self.arras))

    def test_each_website_sells_its_own_cycle(self):
        website_lcc = self.env.ref("coop_network.website_lecourtcircuit_demo")
        cycle_lcc = self.env.ref("coop_network.coop_order_cycle_lecourtcircuit_demo")
        lille_site = self.env.ref("website.default_website")
        self.assertEqual(website_lcc._coop_open_cycles(), cycle_lcc)
        self.assertNotIn(cycle_lcc, lille_site._coop_open_cycles())
        self.assertTrue(lille_site._coop_open_cycles())
        self.assertEqual(cycle_lcc.slot_ids.point_id.company_id, self.lcc)
        self.assertEqual(len(cycle_lcc.slot_ids.point_id), 2)
        # Its products are taxed with its own taxes, shown taxes included.
        product = cycle_lcc.line_ids.product_id[:1]
        self.assertTrue(product.taxes_id.filtered(lambda t: t.company_id == self.lcc))

    def test_the_people_of_the_network(self):
        coordinator = self.env.ref("coop_network.res_users_coordinator_demo")
        figures = self.env["coop.network.report"].with_user(coordinator).search([])
        self.assertIn(self.arras, figures.company_id)
        self.assertIn(self.lille, figures.company_id)
        camille = self.env.ref("coop_network.res_partner_arras_1_demo")
        with self.assertRaises(AccessError):
            camille.with_user(coordinator).read(["email"])
        producer = self.env.ref("coop_producers.res_users_producer_demo")
        self.assertLessEqual(self.arras | self.lcc | self.lille, producer.company_ids)
        arras_user = self.env.ref("coop_network.res_users_arras_member_demo")
        self.assertTrue(arras_user.share)
        self.assertEqual(arras_user.partner_id, camille)

    def test_last_week_in_the_figures(self):
        """LeCourtCircuit's closed cycle and the farm's statements show in
        the coordinator's figures: the sums here are the documents'."""
        cycle = self.env.ref("coop_network.coop_order_cycle_lecourtcircuit_closed_demo")
        self.assertEqual(cycle.state, "closed")
        orders = self.env["sale.order"].search(
            [("coop_cycle_id", "=", cycle.id), ("state", "=", "sale")]
        )
        self.assertEqual(len(orders), 2)
        self.assertEqual(orders.company_id, self.lcc)
        self.assertEqual(orders.coop_slot_id.point_id.company_id, self.lcc)
        coordinator = self.env.ref("coop_network.res_users_coordinator_demo")
        figures = (
            self.env["coop.network.report"]
            .with_user(coordinator)
            .search([("company_id", "=", self.lcc.id)])
        )
        shop = self.env["sale.order"].search(
            [
                ("company_id", "=", self.lcc.id),
                ("state", "=", "sale"),
                ("website_id", "!=", False),
            ]
        )
        self.assertLessEqual(orders, shop)
        self.assertAlmostEqual(
            sum(figures.mapped("sales_shop")), sum(shop.mapped("amount_total"))
        )
        statements = self.env["coop.producer.statement"].search(
            [("company_id", "=", self.lcc.id), ("state", "=", "confirmed")]
        )
        self.assertTrue(statements)
        self.assertAlmostEqual(
            sum(figures.mapped("producer_payouts")),
            sum(statements.mapped("amount_net")),
        )
        # "Paid to producers" is what the statements' bills say (#32: the
        # coordinator read "Versé 164 €" beside bills "Non payées").
        bills = statements.vendor_bill_id

        def paid(moves):
            return sum(m.amount_total - m.amount_residual for m in moves)

        self.assertEqual(len(bills), len(statements))
        self.assertAlmostEqual(sum(figures.mapped("producer_paid")), paid(bills))
        self.env["account.payment.register"].with_company(self.lcc).with_context(
            active_model="account.move", active_ids=bills[:1].ids
        ).create({})._create_payments()
        self.env.flush_all()
        self.env.invalidate_all()  # the figures are a view: read them again
        self.assertGreater(paid(bills), 0)
        figures = (
            self.env["coop.network.report"]
            .with_user(coordinator)
            .search([("company_id", "=", self.lcc.id)])
        )
        self.assertAlmostEqual(sum(figures.mapped("producer_paid")), paid(bills))
        rows = (
            self.env["coop.network.producer.report"]
            .with_user(coordinator)
            .search([("company_id", "=", self.lcc.id)])
        )
        self.assertAlmostEqual(sum(rows.mapped("amount_paid")), paid(bills))
        self.assertAlmostEqual(
            sum(rows.mapped("amount_paid")) + sum(rows.mapped("amount_to_pay")),
            sum(bills.mapped("amount_total")),
        )
