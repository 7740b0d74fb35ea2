# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_tour")
class TestMemberSwapsHerShift(HttpCase):
    """Amina (``membre``) on her phone offers her next shift and joins a
    shift short of volunteers, on the demo."""

    browser_size = "390x844"
    touch_enabled = True

    def test_member_swaps_her_shift_and_joins_another(self):
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        participation = self.env["coop.shift.participation"].search(
            [("partner_id", "=", amina.id)]
        )
        before = participation.registration_ids
        next_shift = before.filtered(lambda r: r.state == "open").sorted("shift_start")[
            :1
        ]
        self.start_tour(
            "/my/shifts", "coop_shift_member_swaps_her_shift", login="membre"
        )
        self.assertTrue(next_shift.swap_offered)
        self.assertEqual(next_shift.state, "open", "she stays until replaced")
        joined = participation.registration_ids - before
        self.assertEqual(len(joined), 1)
        self.assertEqual(joined.origin, "makeup")
        self.assertEqual(participation.counter, 0)
