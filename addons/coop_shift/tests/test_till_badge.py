# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.coop_members.tests import common


@tagged("post_install", "-at_install")
class TestTillBadge(common.CoopMembersCommon):
    """The till loads each member's shifts state and whether she may shop,
    from the stored participation (no computation at each search); a sale
    to a suspended member is kept and flagged on the server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice.coop_member_state = "active"
        cls.template = cls.env["coop.shift.template"].create(
            {"week_number": 1, "weekday": "5", "kind": "till", "seats": 3}
        )
        cls.participation = cls.env["coop.shift.participation"].create(
            {
                "partner_id": cls.alice.id,
                "kind": "regular",
                "template_id": cls.template.id,
            }
        )
        cls.carrots = cls.env["product.product"].create(
            {
                "name": "Carottes des Flandres",
                "type": "consu",
                "list_price": 2.40,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.config, cls.cash = common.make_till(cls.env, "Caisse créneaux", "CSHS")
        cls.config.open_ui()
        cls.session = cls.config.current_session_id

    def _suspend(self):
        start = fields.Datetime.now() - timedelta(days=40)
        shift = self.env["coop.shift"].create(
            {"start": start, "stop": start + timedelta(hours=3), "seats": 3}
        )
        self.env["coop.shift.registration"].create(
            {
                "shift_id": shift.id,
                "participation_id": self.participation.id,
                "partner_id": self.alice.id,
                "origin": "regular",
            }
        ).action_absent()
        self.assertEqual(self.participation.state, "suspended")

    def test_the_till_loads_her_state(self):
        fields_ = self.env["res.partner"]._load_pos_data_fields(self.config.id)
        self.assertIn("coop_shift_state", fields_)
        self.assertIn("coop_can_shop", fields_)
        self._suspend()
        self.env.invalidate_all()
        (alice,) = self.alice.read(fields_)
        self.assertEqual(
            (alice["coop_shift_state"], alice["coop_can_shop"]), ("suspended", False)
        )
        (bruno,) = self.bruno.read(["coop_shift_state", "coop_can_shop"])
        self.assertEqual(
            (bruno["coop_shift_state"], bruno["coop_can_shop"]), (False, True)
        )

    def test_reading_the_state_costs_one_query_for_any_number(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Membre {index}"} for index in range(40)]
        )
        self.env["coop.shift.participation"].create(
            [{"partner_id": p.id, "kind": "flying"} for p in partners]
        )
        self.env.invalidate_all()
        self.env["coop.shift.participation"].flush_model()
        with self.assertQueryCount(1):
            partners[:5].mapped("coop_can_shop")
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            partners.mapped("coop_can_shop")

    def test_a_sale_to_a_suspended_member_is_kept_and_flagged(self):
        self._suspend()
        data = common.pos_order_data(
            self.session, self.cash, [(self.carrots, 2, 2.40)], self.alice
        )
        self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        self.assertEqual(order.state, "paid")
        self.assertIn("Alice Martin", order.coop_shift_issue)
        # The till can't clear the flag by sending it back.
        data = common.pos_order_data(
            self.session, self.cash, [(self.carrots, 1, 2.40)], self.alice
        )
        data["coop_shift_issue"] = False
        self.participation.invalidate_recordset()
        self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        self.assertTrue(order.coop_shift_issue)

    def test_a_member_up_to_date_is_not_flagged(self):
        data = common.pos_order_data(
            self.session, self.cash, [(self.carrots, 2, 2.40)], self.alice
        )
        self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        self.assertFalse(order.coop_shift_issue)
