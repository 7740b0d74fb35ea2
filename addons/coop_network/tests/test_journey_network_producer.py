# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_network", "coop_tour")
class TestJourneyNetworkProducer(HttpCase):
    """The farm's space across the network, on the demo data: the login
    "producteur", the purchase orders and statements of last week in its
    three platforms; no set-up of its own."""

    def setUp(self):
        super().setUp()
        self.lille = self.env.ref("base.main_company")
        self.arras = self.env.ref("coop_network.company_arras_demo")
        self.lcc = self.env.ref("coop_network.company_lecourtcircuit_demo")
        self.farm = self.env.ref("coop_producers.coop_producer_marais_demo")

    def test_the_farm_reads_its_three_platforms(self):
        statements = self.env["coop.producer.statement"].search(
            [("producer_id", "=", self.farm.id), ("state", "=", "confirmed")]
        )
        self.assertEqual(statements.company_id, self.lille | self.arras | self.lcc)
        # Each platform pays from its own books.
        for statement in statements:
            self.assertEqual(statement.vendor_bill_id.company_id, statement.company_id)
            self.assertEqual(statement.vendor_bill_id.state, "posted")
        # LeCourtCircuit's statement pays its cycle's purchase order: its
        # members' orders, at its price for the farm.
        cycle = self.env.ref("coop_network.coop_order_cycle_lecourtcircuit_closed_demo")
        lcc_statement = statements.filtered(lambda s: s.company_id == self.lcc)
        self.assertEqual(
            lcc_statement.line_ids.order_id.coop_pooling_id, cycle.pooling_id
        )
        self.assertEqual(lcc_statement.line_ids.order_id.company_id, self.lcc)

        self.start_tour("/odoo", "coop_network_journey_producer", login="producteur")

    def test_the_farm_finds_its_platforms_active(self):
        """Its first page activates all of its companies; a platform's staff
        keeps Odoo's default (its own company), and a choice once made is
        kept."""
        self.authenticate("producteur", "producteur")
        self.url_open("/odoo")
        ids = self.opener.cookies.get("cids")
        self.assertEqual(
            sorted(int(cid) for cid in ids.split("-")),
            sorted((self.lille | self.arras | self.lcc).ids),
        )
        cookie = next(c for c in self.opener.cookies if c.name == "cids")
        self.opener.cookies.set(
            "cids", str(self.arras.id), domain=cookie.domain, path=cookie.path
        )
        self.url_open("/odoo")
        self.assertEqual(self.opener.cookies.get("cids"), str(self.arras.id))

        self.opener.cookies.clear()
        self.authenticate("coordination", "coordination")
        self.url_open("/odoo")
        self.assertFalse(self.opener.cookies.get("cids"))
