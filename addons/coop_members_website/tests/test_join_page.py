# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_members_website", "coop_tour")
class TestJoinPage(HttpCase):
    """The website's joining page on the demo data, as a visitor."""

    browser_size = "390x844"
    touch_enabled = True

    def setUp(self):
        super().setUp()
        self.company = self.env.ref("base.main_company")
        self.company.coop_admission_mode = "automatic"
        self.share_class = self.env[
            "coop.membership.application"
        ]._coop_open_share_classes(self.company)[:1]
        self.documents = self.env["coop.membership.document"]._current(self.company)

    def post_form(self, **values):
        data = {
            "name": "Chloé Lefebvre",
            "email": "chloe.lefebvre@example.fr",
            "street": "12 rue de Fives",
            "zip": "59800",
            "city": "Lille",
            "share_class_id": self.share_class.id,
            "share_quantity": max(self.share_class.min_quantity, 1),
            "payment_choice": "at_shop",
            "accept_documents": "1",
            "document_ids": self.documents.ids,
            "csrf_token": self.csrf_token(),
            **values,
        }
        return self.url_open(
            "/devenir-membre/envoyer", data=data, allow_redirects=False
        )

    def csrf_token(self):
        """The form's token, read from the page (the visitor's session)."""
        page = self.url_open("/devenir-membre").text
        marker = 'name="csrf_token" value="'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]

    def test_the_page_says_who_can_join_in_french(self):
        self.assertTrue(self.share_class and len(self.documents) == 2)
        page = self.url_open("/devenir-membre")
        self.assertEqual(page.status_code, 200)
        for text in (
            "Qui peut adhérer",
            "Envoyer ma demande",
            "Statuts (version 2026-1)",
        ):
            self.assertIn(text, page.text)
        self.assertNotIn("Fake Buena Vista", page.text)

    def test_bad_input_is_a_400_and_writes_nothing(self):
        Application = self.env["coop.membership.application"]
        Partner = self.env["res.partner"]
        before = (Application.search_count([]), Partner.search_count([]))
        for values in (
            {"accept_documents": ""},
            {"email": "pas-un-mail"},
            {"share_quantity": "0"},
            {"share_class_id": "999999"},
        ):
            with self.subTest(values=values):
                response = self.post_form(**values)
                self.assertEqual(response.status_code, 400)
                self.assertIn("coop_join_error", response.text)
        self.assertEqual(
            before, (Application.search_count([]), Partner.search_count([]))
        )

    def test_an_application_is_reached_with_its_token_only(self):
        response = self.post_form()
        self.assertEqual(response.status_code, 303)
        application = self.env["coop.membership.application"].search(
            [("partner_id.email", "=", "chloe.lefebvre@example.fr")]
        )
        self.assertEqual(application.company_id, self.company)
        self.assertIn(application.access_url, response.headers["Location"])
        self.assertIn("access_token=", response.headers["Location"])
        page = self.url_open(response.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn(application.invoice_id.name, page.text)
        self.assertIn("Payez vos parts à l'épicerie", page.text)
        self.assertEqual(self.url_open(application.access_url).status_code, 404)
        self.assertEqual(
            self.url_open(f"{application.access_url}?access_token=x").status_code, 404
        )

    def test_the_documents_are_served_and_only_the_websites_coops(self):
        document = self.documents[:1]
        response = self.url_open(f"/devenir-membre/document/{document.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        other = self.env["res.company"].create({"name": "Autre coop"})
        foreign = self.env["coop.membership.document"].create(
            {
                "kind": "statutes",
                "version": "X",
                "datas": "JVBERi0=",
                "company_id": other.id,
            }
        )
        self.assertEqual(
            self.url_open(f"/devenir-membre/document/{foreign.id}").status_code, 404
        )

    def test_journey_a_visitor_joins_and_pays_online(self):
        self.start_tour("/devenir-membre", "coop_members_website_journey_join")
        application = self.env["coop.membership.application"].search(
            [("partner_id.email", "=", "chloe.lefebvre@example.fr")]
        )
        self.assertEqual(application.state, "admitted")
        self.assertEqual(application.share_quantity, 2)
        self.assertEqual(application.accepted_document_ids, self.documents)
        member = application.partner_id.with_company(self.company)
        self.assertEqual(member.coop_member_state, "active")
        self.assertTrue(member.coop_member_number)
        self.assertEqual(application.movement_id.state, "confirmed")
        self.assertIn(application.invoice_id.payment_state, ("paid", "in_payment"))
        self.assertTrue(member.user_ids)


@tagged("post_install", "-at_install", "coop_members_website", "coop_tour")
class TestTheBoardDecides(HttpCase):
    """The board admits or refuses, recorded by the manager in the members
    app (the demo's ``gerante``), on the demo data."""

    browser_size = "1366x768"

    def test_journey_the_board_approves_and_refuses_with_a_reason(self):
        company = self.env.ref("base.main_company")
        company.coop_admission_mode = "board"
        Application = self.env["coop.membership.application"]
        share_class = Application._coop_open_share_classes(company)[:1]
        documents = self.env["coop.membership.document"]._current(company)
        public = self.env.ref("base.public_user")

        def apply(name, email):
            return (
                Application.with_user(public)
                .with_context(lang="fr_FR")
                .sudo()
                ._coop_apply(
                    company,
                    {
                        "name": name,
                        "email": email,
                        "street": "5 place du Général de Gaulle",
                        "zip": "59000",
                        "city": "Lille",
                        "share_class_id": str(share_class.id),
                        "share_quantity": str(max(share_class.min_quantity, 1)),
                        "payment_choice": "at_shop",
                        "document_ids": [str(i) for i in documents.ids],
                    },
                    user=public,
                )
            )

        karima = apply("Karima Zeroual", "karima.zeroual@example.fr")
        paul = apply("Paul Vasseur", "paul.vasseur@example.fr")
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=karima.invoice_id.ids
        ).create({})._create_payments()
        self.assertEqual(karima.state, "submitted")

        self.start_tour(
            "/odoo/action-coop_members_website.coop_membership_application_action",
            "coop_members_website_journey_board",
            login="gerante",
        )

        self.assertEqual(karima.state, "admitted")
        self.assertEqual(karima.decided_by_id.login, "gerante")
        member = karima.partner_id.with_company(company)
        self.assertEqual(member.coop_member_state, "active")
        self.assertTrue(member.coop_member_number)
        self.assertEqual(karima.movement_id.state, "confirmed")
        self.assertEqual(paul.state, "refused")
        self.assertIn("métropole lilloise", paul.refusal_reason)
        self.assertEqual(paul.invoice_id.payment_state, "reversed")
        self.assertFalse(paul.movement_id)
        self.assertFalse(paul.partner_id.with_company(company).coop_member_number)

        def last_email(partner):
            return self.env["mail.mail"].search(
                [("recipient_ids", "in", partner.ids)], order="id desc", limit=1
            )

        self.assertIn("Bienvenue", last_email(karima.partner_id).body_html)
        refusal = last_email(paul.partner_id).body_html
        self.assertIn("Nous sommes désolés", refusal)
        self.assertIn("métropole lilloise", refusal)
        # His follow-up page says it too, in French.
        page = self.url_open(paul.get_portal_url()).text
        self.assertIn("Votre demande n'a pas été acceptée", page)
        self.assertIn("métropole lilloise", page)
