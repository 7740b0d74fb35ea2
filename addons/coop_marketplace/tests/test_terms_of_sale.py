# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace")
class TestTermsOfSale(HttpCase):
    """The "Terms & Conditions" of every order open the coop's own terms of
    sale, in French, not Odoo's English sample."""

    def test_orders_link_to_the_coops_terms_in_french(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.terms_type, "html")
        member = self.env.ref("coop_members.res_users_member_demo").partner_id
        order = self.env["sale.order"].create({"partner_id": member.id})
        self.assertIn("/terms", str(order.note))

        page = self.url_open("/terms")
        self.assertEqual(page.status_code, 200)
        for text in (
            "Conditions générales de vente",
            "Cycles de commande",
            "porte-monnaie",
            "L221-28",
            company.name,
        ):
            self.assertIn(text, page.text)
        for english in ("21 working days", "STANDARD TERMS", "Terms of sale"):
            self.assertNotIn(english, page.text)

    def test_a_coop_keeps_the_terms_it_wrote(self):
        company = self.env.ref("base.main_company")
        company.invoice_terms_html = "<p>Nos conditions à nous</p>"
        company.terms_type = "plain"
        company.terms_type = "html"
        self.assertIn("Nos conditions à nous", company.invoice_terms_html)

    def test_a_platform_created_later_has_the_coops_terms(self):
        platform = self.env["res.company"].create(
            {"name": "Plateforme de Béthune", "country_id": self.env.ref("base.fr").id}
        )
        platform.partner_id.lang = "fr_FR"
        self.assertEqual(platform.terms_type, "html")
        self.assertIn("Conditions générales de vente", platform.invoice_terms_html)
        self.assertIn("Plateforme de Béthune", platform.invoice_terms_html)
