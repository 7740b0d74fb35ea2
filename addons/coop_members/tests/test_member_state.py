# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.coop_members.tests import common


@tagged("post_install", "-at_install", "coop_members")
class TestMemberState(common.CoopMembersCommon):
    def setUp(self):
        super().setUp()
        self.subscribe(self.alice, self.class_a, 2)

    def decide(self, partners, state, reason=None, user=None):
        wizard = Form(
            self.env["coop.member.state.wizard"]
            .with_user(user or self.manager)
            .with_context(active_model="res.partner", active_ids=partners.ids)
        )
        wizard.state = state
        if reason:
            wizard.reason = reason
        return wizard.save().action_apply()

    def test_suspend_then_reactivate_with_reason_and_date(self):
        self.decide(self.alice, "suspended", "Cotisation solidaire non réglée")
        self.assertEqual(self.alice.coop_member_state, "suspended")
        self.assertEqual(
            self.alice.coop_member_state_reason, "Cotisation solidaire non réglée"
        )
        self.assertTrue(self.alice.coop_member_state_date)
        self.decide(self.alice, "active")
        self.assertEqual(self.alice.coop_member_state, "active")

    def test_state_reason_and_date_are_tracked_fields(self):
        # Who changed what and when lives in the chatter (mail tracking).
        fields_ = self.env["res.partner"]._fields
        for name in (
            "coop_member_state",
            "coop_member_state_date",
            "coop_member_state_reason",
        ):
            self.assertTrue(fields_[name].tracking, name)

    def test_a_reason_is_required_to_suspend_or_exclude(self):
        for state in ("suspended", "excluded"):
            with self.subTest(state=state), self.assertRaises(UserError):
                self.alice._coop_set_member_state(state, "  ")
        self.assertEqual(self.alice.coop_member_state, "active")

    def test_impossible_changes_are_refused(self):
        with self.assertRaises(UserError):
            self.bruno._coop_set_member_state("suspended", "Not a member")
        with self.assertRaises(UserError):
            self.alice._coop_set_member_state("active", None)  # already active
        self.alice._coop_set_member_state("excluded", "Exclusion votée en AG")
        with self.assertRaises(UserError):
            self.alice._coop_set_member_state("active", None)

    def test_reactivation_needs_shares(self):
        self.alice._coop_set_member_state("suspended", "Départ")
        self.movement(self.alice, self.class_a, -2, type_="redemption").action_confirm()
        self.assertEqual(self.alice.coop_member_state, "resigned")
        with self.assertRaises(UserError):
            self.alice._coop_set_member_state("active", None)

    def test_only_managers_decide(self):
        with self.assertRaises(AccessError):
            self.decide(self.alice, "suspended", "Essai", user=self.members_user)
        self.assertEqual(self.alice.coop_member_state, "active")
