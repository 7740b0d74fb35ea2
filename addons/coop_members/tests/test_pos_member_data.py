# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.coop_members.tests import common


@tagged("post_install", "-at_install", "coop_members")
class TestPosMemberData(common.CoopMembersCommon):
    def test_till_loads_member_number_and_state(self):
        self.subscribe(self.alice, self.class_a, 2)
        config, _cash = common.make_till(self.env, "Caisse membres", "CSHM")
        admin = self.env.ref("base.user_admin")
        config.with_user(admin).open_ui()
        data = config.current_session_id.with_user(admin).load_data([])
        self.assertIn("coop_member_number", data["res.partner"]["fields"])
        self.assertIn("coop_member_state", data["res.partner"]["fields"])
        # A member scanned at the till is searched with the same field list.
        fields_ = self.env["res.partner"]._load_pos_data_fields(config.id)
        alice = self.alice.read(fields_)[0]
        self.assertEqual(alice["coop_member_state"], "active")
        self.assertEqual(alice["coop_member_number"], self.alice.coop_member_number)
