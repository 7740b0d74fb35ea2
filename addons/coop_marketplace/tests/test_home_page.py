# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import escape

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace")
class TestHomePage(HttpCase):
    """The demo platform's home page, as a visitor, in French: what the coop
    is, how to join, the open cycle and the pickup points with their hours."""

    def test_the_home_page_says_what_the_coop_is_and_when_to_order(self):
        website = self.env["website"].get_current_website()
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        points = self.env["coop.pickup.point"].search(
            [("company_id", "=", website.company_id.id)]
        )
        self.assertTrue(points)
        page = self.url_open("/")
        self.assertEqual(page.status_code, 200)
        for name in (website.company_id.name, cycle.name, *points.mapped("name")):
            self.assertIn(str(escape(name)), page.text)
        for text in ("Commander jusqu'au", "Points de retrait", "Devenir membre"):
            self.assertIn(text, page.text)
        self.assertIn('href="/shop"', page.text)
        # The hours of each point, by weekday, in French.
        self.assertRegex(
            page.text, r"(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi) : \d\d:\d\d"
        )
        self.assertNotIn("Order until", page.text)
