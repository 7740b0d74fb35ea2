# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install", "coop_members")
class TestPortalMembership(HttpCase):
    """A member sees their own membership and certificate, never another's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.share_class = cls.env["coop.share.class"].create(
            {"code": "TP", "name": "Portal shares", "nominal_value": 10}
        )
        cls.alice_user = new_test_user(
            cls.env, login="coop_alice", groups="base.group_portal", name="Alice Martin"
        )
        cls.bruno_user = new_test_user(
            cls.env, login="coop_bruno", groups="base.group_portal", name="Bruno Dupont"
        )
        cls.alice = cls.alice_user.partner_id
        cls.bruno = cls.bruno_user.partner_id
        Movement = cls.env["coop.share.movement"]
        cls.alice_movement = Movement.create(
            {
                "partner_id": cls.alice.id,
                "share_class_id": cls.share_class.id,
                "type": "subscription",
                "quantity": 2,
            }
        )
        cls.bruno_movement = Movement.create(
            {
                "partner_id": cls.bruno.id,
                "share_class_id": cls.share_class.id,
                "type": "subscription",
                "quantity": 7,
            }
        )
        (cls.alice_movement | cls.bruno_movement)._confirm()

    def test_member_sees_own_membership_only(self):
        self.authenticate("coop_alice", "coop_alice")
        response = self.url_open("/my/membership")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.alice.coop_member_number, response.text)
        self.assertIn(self.alice_movement.name, response.text)
        self.assertNotIn(self.bruno.coop_member_number, response.text)
        self.assertNotIn(self.bruno_movement.name, response.text)
        home = self.url_open("/my")
        self.assertIn("/my/membership", home.text)

    def test_certificate_is_the_members_own(self):
        self.authenticate("coop_alice", "coop_alice")
        # Another member's id in the query string changes nothing.
        response = self.url_open(
            f"/my/membership/certificate?partner_id={self.bruno.id}&id={self.bruno.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        # Tests render reports as HTML: the content can be read.
        self.assertIn("Alice Martin", response.text)
        self.assertNotIn("Bruno Dupont", response.text)

    def test_member_cannot_read_another_members_register(self):
        Movement = self.env["coop.share.movement"].with_user(self.alice_user)
        self.assertEqual(Movement.search([]), self.alice_movement)
        with self.assertRaises(AccessError):
            self.bruno_movement.with_user(self.alice_user).read(["quantity"])

    def test_non_member_and_public(self):
        outsider = new_test_user(
            self.env, login="coop_outsider", groups="base.group_portal"
        )
        self.authenticate("coop_outsider", "coop_outsider")
        response = self.url_open("/my/membership")
        self.assertEqual(response.status_code, 200)
        self.assertIn('class="o_coop_membership', response.text)
        self.assertIn("alert alert-info", response.text)  # "not a member yet"
        self.assertNotIn("o_coop_certificate", response.text)
        certificate = self.url_open("/my/membership/certificate", allow_redirects=False)
        self.assertEqual(certificate.status_code, 303)
        self.assertFalse(outsider.partner_id.coop_share_count)
        self.logout()
        for url in ("/my/membership", "/my/membership/certificate"):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303))
            self.assertIn("/web/login", response.headers["Location"])
