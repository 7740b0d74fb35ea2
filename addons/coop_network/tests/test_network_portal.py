# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged
from odoo.tools import config


@tagged("post_install", "-at_install", "coop_network")
class TestNetworkPortal(HttpCase):
    """A member reaches their membership of each coop from any website of
    the network, and only their own coops' certificates (demo data: the
    Arras member "arras" on LeCourtCircuit's website)."""

    def test_a_member_of_arras_on_lecourtcircuit(self):
        arras = self.env.ref("coop_network.company_arras_demo")
        lille = self.env.ref("base.main_company")
        camille = self.env.ref("coop_network.res_partner_arras_1_demo")
        movements = self.env["coop.share.movement"].search(
            [("partner_id", "=", camille.id)]
        )
        self.assertEqual(movements.company_id, arras)
        # LeCourtCircuit's website, by its domain (the test opener only
        # reaches this machine's address: the domain goes in the header).
        host = {"Host": f"lecourtcircuit.localhost:{config['http_port']}"}
        self.authenticate("arras", "arras")

        page = self.url_open("/my/membership", headers=host)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Le marché des producteurs du réseau", page.text)  # its site
        self.assertIn("Épicerie coopérative Arrageoise", page.text)
        self.assertIn(camille.with_company(arras).coop_member_number, page.text)
        self.assertIn(movements.name, page.text)
        self.assertIn(f"/my/membership/certificate?coop={arras.id}", page.text)
        # No empty "not a member yet" for LeCourtCircuit, a marketplace.
        self.assertNotIn("alert alert-info", page.text)
        home = self.url_open("/my/home", headers=host)
        self.assertIn("/my/membership", home.text)

        certificate = self.url_open(
            f"/my/membership/certificate?coop={arras.id}", headers=host
        )
        self.assertEqual(certificate.status_code, 200)
        self.assertIn("attachment", certificate.headers["Content-Disposition"])
        self.assertIn("Camille Lefebvre", certificate.text)
        self.assertIn("Épicerie coopérative Arrageoise", certificate.text)
        # Not a member of Lille; a made-up coop gets the page back.
        for coop in (lille.id, "x"):
            response = self.url_open(
                f"/my/membership/certificate?coop={coop}",
                headers=host,
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 303)
