# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "coop_wallet")
class TestWalletPortal(HttpCase):
    """/my/wallet shows the member's own account; an online top-up takes
    one of the program's amounts only, and a bounded donation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = cls.env.ref("coop_wallet.coop_wallet_program")
        cls.amina = cls.env.ref("coop_members.res_users_member_demo").partner_id
        cls.top_up_20 = cls.env.ref("coop_wallet.product_wallet_top_up_20")
        cls.bread = cls.env.ref("coop_members.product_pain_campagne_demo")

    def _post_top_up(self, **data):
        return self.url_open(
            "/my/wallet/top_up",
            data={**data, "csrf_token": http.Request.csrf_token(self)},
        )

    def _orders(self):
        return self.env["sale.order"].search_count([("partner_id", "=", self.amina.id)])

    def test_member_sees_her_balance_only(self):
        self.authenticate("membre", "membre")
        page = self.url_open("/my/wallet").text
        self.assertIn("25,00", page)
        self.assertIn("Recharge en caisse (espèces)", page)
        self.assertNotIn("Recharge en caisse (carte)", page, "Karim's history")
        other = new_test_user(
            self.env, login="coop_wallet_nobody", groups="base.group_portal"
        )
        self.authenticate(other.login, other.login)
        page = self.url_open("/my/wallet").text
        self.assertIn("0,00", page)
        self.assertNotIn("Recharge en caisse", page)

    def test_visitor_is_sent_to_login(self):
        response = self.url_open("/my/wallet", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_top_up_makes_a_quotation_at_the_top_ups_price(self):
        self.authenticate("membre", "membre")
        response = self._post_top_up(product_id=self.top_up_20.id, donation=5)
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.amina.id)], order="id desc", limit=1
        )
        self.assertIn(f"/my/orders/{order.id}", response.url)
        self.assertEqual(order.state, "draft", "confirmed when paid")
        self.assertTrue(order.require_payment)
        self.assertEqual(order.amount_total, 25.0, "20 € at every tier, 5 € given")
        self.assertEqual(order.company_id, self.program.company_id)

    def test_bad_top_ups_are_refused_and_create_nothing(self):
        self.authenticate("membre", "membre")
        before = self._orders()
        for data in (
            {"product_id": self.bread.id},  # not a top-up: no price from the form
            {"product_id": 0},
            {"product_id": "abc"},
            {"product_id": self.top_up_20.id, "donation": 500},
            {"product_id": self.top_up_20.id, "donation": -3},
        ):
            with self.subTest(data=data):
                response = self._post_top_up(**data)
                self.assertTrue(response.url.endswith("/my/wallet"))
                self.assertIn("alert-warning", response.text)
        self.assertEqual(self._orders(), before)
