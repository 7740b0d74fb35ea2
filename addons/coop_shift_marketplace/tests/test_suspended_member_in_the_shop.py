# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSuspendedMemberInTheShop(HttpCase):
    """The demo's Laurent Caron, suspended for his shifts, may not order in
    the open cycle (cart, standing basket, RPC), and the shop tells him how
    to catch up; once caught up he may. Lucie Delattre, of Camille's
    household, orders on Camille's membership."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls.env.ref("coop_marketplace.coop_order_cycle_demo")
        cls.cycle.members_only = True
        cls.laurent = cls.env.ref("coop_members.coop_member_demo_25")
        cls.participation = cls.env["coop.shift.participation"].search(
            [("partner_id", "=", cls.laurent.id)]
        )

    def test_he_is_refused_until_he_catches_up(self):
        self.assertEqual(self.participation.state, "suspended")
        self.assertFalse(self.cycle._accepts(self.laurent))
        with self.assertRaisesRegex(UserError, "créneau\\(x\\) de rattrapage"):
            self.cycle.with_context(lang="fr_FR")._check_accepts(self.laurent)
        # His standing basket makes no order this cycle.
        standing = self.env.ref("coop_marketplace.coop_standing_order_amina_demo").copy(
            {"partner_id": self.laurent.id}
        )
        self.assertFalse(standing._create_order(self.cycle))
        # Caught up: four make-ups (a correction by the office here).
        self.participation._coop_add_event(4, "manual")
        self.participation._coop_update_states()
        self.assertEqual(self.participation.state, "up_to_date")
        self.assertTrue(self.cycle._accepts(self.laurent))
        self.cycle._check_accepts(self.laurent)

    def test_the_shop_says_how_to_catch_up(self):
        new_test_user(
            self.env,
            login="laurent",
            password="laurent-pw",
            groups="base.group_portal",
            partner_id=self.laurent.id,
            name="Laurent Caron",
            lang="fr_FR",
        )
        self.authenticate("laurent", "laurent-pw")
        page = self.url_open("/shop").text
        self.assertIn("Vos courses sont suspendues", page)
        self.assertIn('href="/my/shifts"', page)
        self.assertNotIn("o_coop_members_only", page)

    def test_a_household_orders_on_its_membership(self):
        lucie = self.env.ref("coop_shift.coop_shift_household_demo")
        self.assertFalse(lucie.coop_member_state)
        self.assertTrue(self.cycle._accepts(lucie))
        stranger = self.env["res.partner"].create({"name": "Passant"})
        self.assertFalse(self.cycle._accepts(stranger))
