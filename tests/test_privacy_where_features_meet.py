"""Privacy where features meet (issue #31), on the demo: what a role can
actually reach after it did its work, not what a fresh fixture shows.
Writing on a record (a courier's "Je pars du dépôt", "Absent") never gives
access to it; a coop's contacts are its own."""

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase


class TestCourierAfterHerRound(HttpCase):
    test_module, test_class, test_sequence = (
        "coop_repository",
        "TestCourierAfterHerRound",
        0,
    )
    test_tags = frozenset({"post_install", "coop_repository"})

    def post(self, url, **data):
        return self.url_open(
            url, data={**data, "csrf_token": http.Request.csrf_token(self)}
        )

    def test_a_courier_who_wrote_on_the_orders_still_reads_none(self):
        """Symptom 7: leaving the hub and "Absent" post on each order; the
        courier then read them in "Mes commandes", on their pages and over
        RPC, and could post on their forms."""
        courier = self.env.ref("coop_bike_delivery.res_users_courier_demo")
        rounds = self.env["stock.picking.batch"].search(
            [("coop_is_round", "=", True), ("user_id", "=", courier.id)]
        )
        batch = rounds[:1]
        self.assertEqual(len(batch.coop_stop_ids), 3)
        stops = batch.coop_stop_ids.sorted("coop_stop_sequence")
        orders = stops.sale_id
        self.authenticate("coursier", "coursier")
        self.post(f"/my/rounds/{batch.id}/depart")
        self.post(
            f"/my/rounds/{batch.id}/stop/{stops[1].id}/missed",
            reason="Personne à la maison",
        )
        self.assertEqual(orders[1].coop_delivery_state, "missed")
        self.assertFalse(
            orders.message_follower_ids.partner_id & courier.partner_id,
            "writing on an order makes nobody its follower",
        )
        # Over RPC (what call_kw runs): nothing of the members' orders.
        as_courier = self.env(user=courier)
        for model in ("sale.order", "sale.order.line"):
            self.assertFalse(as_courier[model].search([]), model)
        with self.assertRaises(AccessError):
            orders[0].with_user(courier).read(["partner_id", "amount_total"])
        # On the portal: no order listed, no order page, no form.
        listing = self.url_open("/my/orders").text
        for order in orders:
            self.assertNotIn(order.name, listing)
            page = self.url_open(f"/my/orders/{order.id}")
            self.assertNotIn(order.partner_id.name, page.text)
        line = orders[0].order_line[:1]
        quantity = line.product_uom_qty
        self.post(f"/my/orders/{orders[0].id}/coop_edit", **{f"qty_{line.id}": 9})
        self.assertEqual(line.product_uom_qty, quantity)


class TestContactsBelongToTheirCoop(HttpCase):
    """Symptom 8: Lille's members had no company, so the Arras cashier read
    them all (name, e-mail, address, phone) and the Arras till loaded them
    among its customers."""

    test_module, test_class, test_sequence = (
        "coop_repository",
        "TestContactsBelongToTheirCoop",
        0,
    )
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lille = cls.env.ref("base.main_company")
        cls.arras_cashier = cls.env.ref("coop_network.res_users_arras_cashier_demo")
        cls.lille_cashier = cls.env.ref("coop_members.res_users_cashier_demo")
        cls.both = cls.env.ref("coop_members.coop_member_demo_05")
        members = cls.env["coop.share.movement"].search([("state", "=", "confirmed")])
        cls.lille_only = (
            members.filtered(lambda m: m.company_id == cls.lille).partner_id
            - members.filtered(lambda m: m.company_id != cls.lille).partner_id
        )
        cls.arras_members = members.filtered(
            lambda m: m.company_id.name == "Épicerie coopérative Arrageoise"
        ).partner_id
        cls.producer = cls.env.ref("coop_producers.coop_producer_marais_demo")

    def test_the_arras_cashier_reads_no_lille_member(self):
        self.assertGreaterEqual(len(self.lille_only), 30)
        Partner = self.env(user=self.arras_cashier)["res.partner"]
        readable = Partner.search([("id", "in", self.lille_only.ids)])
        self.assertFalse(readable, readable.mapped("name"))
        with self.assertRaises(AccessError):
            self.lille_only[0].with_user(self.arras_cashier).read(["email"])
        # Her coop's members, a member of both coops, a shared producer.
        for partner in self.arras_members | self.both | self.producer:
            self.assertTrue(Partner.search([("id", "=", partner.id)]), partner.name)
        # Lille's cashier reads Lille's members.
        self.assertEqual(
            self.env(user=self.lille_cashier)["res.partner"].search_count(
                [("id", "in", self.lille_only.ids)]
            ),
            len(self.lille_only),
        )

    def test_each_till_loads_its_own_coop_s_customers(self):
        arras_till = self.env["pos.config"].search([("name", "=", "Caisse Arras")])
        arras_till.with_user(self.arras_cashier).open_ui()
        data = arras_till.current_session_id.with_user(self.arras_cashier).load_data(
            ["pos.config", "pos.order", "res.partner"]
        )
        loaded = {partner["id"] for partner in data["res.partner"]["data"]}
        self.assertFalse(loaded & set(self.lille_only.ids))
        self.assertLessEqual(set(self.arras_members.ids), loaded)
