# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install", "coop_members_website", "coop_tour")
class TestTierRequest(HttpCase):
    """Joining online, a candidate may ask for the solidarity price: what
    she declares reaches the solidarity officers only."""

    browser_size = "390x844"
    touch_enabled = True

    def setUp(self):
        super().setUp()
        self.company = self.env.ref("base.main_company")
        self.company.coop_admission_mode = "automatic"
        Application = self.env["coop.membership.application"]
        self.share_class = Application._coop_open_share_classes(self.company)[:1]
        self.documents = self.env["coop.membership.document"]._current(self.company)
        self.officer = new_test_user(
            self.env,
            login="officier.tarifs",
            groups="base.group_user,coop_solidarity_price.group_solidarity_officer",
        )
        self.members_clerk = new_test_user(
            self.env,
            login="benevole.adhesions",
            groups="base.group_user,coop_members.coop_member_group_manager",
        )

    def post_form(self, files=None, **values):
        page = self.url_open("/devenir-membre").text
        marker = 'name="csrf_token" value="'
        start = page.index(marker) + len(marker)
        data = {
            "name": "Inès Haddad",
            "email": "ines.haddad@example.fr",
            "street": "8 rue Pierre Legrand",
            "zip": "59800",
            "city": "Lille",
            "share_class_id": self.share_class.id,
            "share_quantity": max(self.share_class.min_quantity, 1),
            "payment_choice": "at_shop",
            "accept_documents": "1",
            "document_ids": self.documents.ids,
            "csrf_token": page[start : page.index('"', start)],
            **values,
        }
        return self.url_open(
            "/devenir-membre/envoyer", data=data, files=files, allow_redirects=False
        )

    def evidence_of(self, email):
        return self.env["coop.tier.evidence"].search([("partner_id.email", "=", email)])

    def test_the_form_asks_for_it_in_french_and_says_who_reads_it(self):
        page = self.url_open("/devenir-membre").text
        for text in (
            "Le tarif solidaire (facultatif)",
            "Quotient familial 0 – 450 €",
            "seuls les référents solidarité",
            'enctype="multipart/form-data"',
        ):
            self.assertIn(text, page)

    def test_the_request_reaches_the_officers_only(self):
        response = self.post_form(
            tier_qf_band="qf_451_700",
            tier_household_size="3",
            files={"tier_document": ("attestation-caf.pdf", PDF, "application/pdf")},
        )
        self.assertEqual(response.status_code, 303)
        application = self.env["coop.membership.application"].search(
            [("partner_id.email", "=", "ines.haddad@example.fr")]
        )
        evidence = self.evidence_of("ines.haddad@example.fr")
        self.assertEqual(len(evidence), 1)
        self.assertEqual(evidence.qf_band, "qf_451_700")
        self.assertEqual(evidence.household_size, 3)
        self.assertEqual(evidence.company_id, self.company)
        self.assertFalse(evidence.tier_id)
        self.assertIn(application.name, evidence.note)
        self.assertEqual(evidence.attachment_ids.name, "attestation-caf.pdf")
        self.assertEqual(evidence.attachment_ids.res_model, "coop.tier.evidence")
        self.assertEqual(evidence.attachment_ids.raw, PDF)
        # Until an officer decides, she pays the reference price.
        self.assertFalse(application.partner_id.coop_price_tier_id)
        # The officer finds it among the evidence to decide on.
        officer_env = self.env(user=self.officer)
        self.assertIn(
            evidence,
            officer_env["coop.tier.evidence"].search([("tier_id", "=", False)]),
        )
        # The members staff decide on the application, never read the band.
        clerk_env = self.env(user=self.members_clerk)
        with self.assertRaises(AccessError):
            clerk_env["coop.tier.evidence"].browse(evidence.id).read(["qf_band"])
        with self.assertRaises(AccessError):
            clerk_env["ir.attachment"].browse(evidence.attachment_ids.id).read(
                ["datas"]
            )
        seen_by_clerk = str(
            clerk_env["coop.membership.application"].browse(application.id).read()
        )
        for secret in ("qf_451_700", "451", "attestation-caf"):
            self.assertNotIn(secret, seen_by_clerk)
        # Her follow-up page does not repeat it either.
        follow = self.url_open(response.headers["Location"]).text
        self.assertNotIn("451", follow)

    def test_no_request_no_evidence(self):
        self.assertEqual(self.post_form().status_code, 303)
        self.assertFalse(self.evidence_of("ines.haddad@example.fr"))

    def test_bad_input_is_a_400_in_french_and_writes_nothing(self):
        Application = self.env["coop.membership.application"]
        counts = (
            Application.search_count([]),
            self.env["res.partner"].search_count([]),
            self.env["coop.tier.evidence"].search_count([]),
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "coop.tier.evidence")]
            ),
        )
        for values, files, message in (
            ({"tier_qf_band": "qf_riche"}, None, "dans la liste"),
            (
                {"tier_qf_band": "qf_0_450", "tier_household_size": "0"},
                None,
                "de 1 à 20",
            ),
            ({"tier_household_size": "2"}, None, "choisissez la tranche"),
            (
                {"tier_qf_band": "qf_0_450"},
                {"tier_document": ("note.txt", b"rien", "text/plain")},
                "PDF",
            ),
        ):
            with self.subTest(values=values):
                response = self.post_form(files=files, **values)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
        self.assertEqual(
            counts,
            (
                Application.search_count([]),
                self.env["res.partner"].search_count([]),
                self.env["coop.tier.evidence"].search_count([]),
                self.env["ir.attachment"].search_count(
                    [("res_model", "=", "coop.tier.evidence")]
                ),
            ),
        )

    def test_journey_a_visitor_joins_and_asks_for_the_solidarity_price(self):
        self.start_tour(
            "/devenir-membre", "coop_members_website_solidarity_journey_join_tier"
        )
        evidence = self.evidence_of("samia.benali@example.fr")
        self.assertEqual((evidence.qf_band, evidence.household_size), ("qf_0_450", 4))
        self.assertEqual(
            evidence.partner_id.with_company(self.company).coop_member_state,
            "candidate",
        )
