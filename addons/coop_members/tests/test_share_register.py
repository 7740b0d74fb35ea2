# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.coop_members.tests import common


@tagged("post_install", "-at_install", "coop_members")
class TestShareRegister(common.CoopMembersCommon):
    def test_subscription_makes_an_active_member_with_a_number(self):
        self.assertFalse(self.alice.coop_member_state)
        movement = self.subscribe(self.alice, self.class_a, 3)
        self.assertEqual(movement.state, "confirmed")
        self.assertTrue(movement.name.startswith("REG/"))
        self.assertEqual(movement.amount, 30.0)
        self.assertEqual(self.alice.coop_member_state, "active")
        self.assertTrue(self.alice.coop_member_number)
        self.assertEqual(self.alice.coop_share_count, 3)
        self.assertEqual(self.alice.coop_share_amount, 30.0)
        self.assertEqual(self.alice.coop_share_ids, movement)

    def test_below_class_minimum_is_a_candidate_without_number(self):
        self.subscribe(self.alice, self.class_a, 1)  # minimum is 2
        self.assertEqual(self.alice.coop_member_state, "candidate")
        self.assertFalse(self.alice.coop_member_number)
        self.subscribe(self.alice, self.class_a, 1)
        self.assertEqual(self.alice.coop_member_state, "active")

    def test_register_numbers_are_consecutive(self):
        first = self.subscribe(self.alice, self.class_a, 2)
        second = self.subscribe(self.bruno, self.class_d, 1)
        prefix_len = len("REG/")
        self.assertEqual(
            int(second.name[prefix_len:]), int(first.name[prefix_len:]) + 1
        )
        self.assertNotEqual(
            self.alice.coop_member_number, self.bruno.coop_member_number
        )

    def test_bad_quantities_are_refused(self):
        for quantity in (0, -1):
            with (
                self.subTest(quantity=quantity),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                self.movement(self.alice, self.class_a, quantity)
        with self.assertRaises(ValidationError):
            self.movement(self.alice, self.class_a, 1, type_="redemption")

    def test_above_class_maximum_is_refused_and_nothing_written(self):
        movement = self.movement(self.alice, self.class_a, 6)  # maximum is 5
        with self.assertRaises(ValidationError):
            movement.action_confirm()
        self.assertEqual(movement.state, "draft")
        self.assertEqual(movement.name, "/")
        self.assertFalse(self.alice.coop_member_state)

    def test_redeeming_more_than_held_is_refused(self):
        self.subscribe(self.alice, self.class_a, 2)
        redemption = self.movement(self.alice, self.class_a, -3, type_="redemption")
        with self.assertRaises(ValidationError):
            redemption.action_confirm()
        self.assertEqual(self.alice.coop_share_count, 2)

    def test_redeeming_everything_means_resigned(self):
        self.subscribe(self.alice, self.class_a, 2)
        number = self.alice.coop_member_number
        self.movement(self.alice, self.class_a, -2, type_="redemption").action_confirm()
        self.assertEqual(self.alice.coop_member_state, "resigned")
        self.assertEqual(self.alice.coop_share_count, 0)
        self.assertEqual(self.alice.coop_member_number, number, "numbers are kept")

    def test_company_in_individuals_only_class_is_refused(self):
        with self.assertRaises(ValidationError):
            self.movement(self.company_partner, self.class_a, 2)
        self.subscribe(self.company_partner, self.class_d, 1)
        self.assertEqual(self.company_partner.coop_member_state, "active")

    def test_confirmed_movements_are_never_rewritten(self):
        movement = self.subscribe(self.alice, self.class_a, 2)
        with self.assertRaises(UserError):
            movement.write({"quantity": 4})
        with self.assertRaises(UserError):
            movement.sudo().write({"date": "2020-01-01"})
        with self.assertRaises(UserError):
            movement.sudo().unlink()
        with self.assertRaises(UserError):
            movement.action_confirm()  # no double registration
        # The correction is a new movement.
        self.subscribe(self.alice, self.class_a, 1)
        self.assertEqual(self.alice.coop_share_count, 3)
        self.assertEqual(movement.quantity, 2)

    def test_transfer_is_a_linked_pair(self):
        self.subscribe(self.alice, self.class_a, 4)
        pair = (
            self.env["coop.share.movement"]
            .with_user(self.manager)
            ._create_transfer(self.alice, self.bruno, self.class_a, 2)
        )
        out = pair.filtered(lambda m: m.type == "transfer_out")
        in_ = pair - out
        self.assertEqual(out.transfer_pair_id, in_)
        self.assertEqual(in_.transfer_pair_id, out)
        self.assertEqual(set(pair.mapped("state")), {"confirmed"})
        self.assertEqual(self.alice.coop_share_count, 2)
        self.assertEqual(self.bruno.coop_share_count, 2)
        self.assertEqual(self.bruno.coop_member_state, "active")

    def test_transfer_wizard_to_a_new_contact(self):
        self.subscribe(self.alice, self.class_a, 3)
        newcomer = self.env["res.partner"].create({"name": "Chloé Lemaire"})
        wizard = Form(
            self.env["coop.share.transfer.wizard"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_id=self.alice.id)
        )
        wizard.to_partner_id = newcomer
        wizard.share_class_id = self.class_a
        wizard.quantity = 2
        wizard.save().action_transfer()
        self.assertEqual(self.alice.coop_share_count, 1)
        self.assertEqual(newcomer.coop_share_count, 2)
        self.assertEqual(newcomer.coop_member_state, "active")

    def test_transfer_to_self_or_beyond_holdings_is_refused(self):
        self.subscribe(self.alice, self.class_a, 2)
        Movement = self.env["coop.share.movement"].with_user(self.manager)
        with self.assertRaises(ValidationError):
            Movement._create_transfer(self.alice, self.alice, self.class_a, 1)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Movement._create_transfer(self.alice, self.bruno, self.class_a, 3)
        self.assertEqual(self.alice.coop_share_count, 2)
        self.assertEqual(self.bruno.coop_share_count, 0)

    def test_only_managers_confirm(self):
        movement = (
            self.env["coop.share.movement"]
            .with_user(self.members_user)
            .create(
                {
                    "partner_id": self.alice.id,
                    "share_class_id": self.class_a.id,
                    "type": "subscription",
                    "quantity": 2,
                }
            )
        )
        with self.assertRaises(AccessError):
            movement.action_confirm()
        with self.assertRaises(AccessError):
            movement.unlink()
        movement.with_user(self.manager).action_confirm()
        self.assertEqual(movement.state, "confirmed")

    def test_share_totals_cost_the_same_for_any_number_of_partners(self):
        others = self.env["res.partner"].create(
            [{"name": f"Membre {i}"} for i in range(5)]
        )
        for partner in (self.alice, *others):
            self.subscribe(partner, self.class_d, 1)

        def queries_for(partners):
            partners.invalidate_recordset()
            before = self.env.cr.sql_log_count
            self.assertEqual(set(partners.mapped("coop_share_count")), {1})
            return self.env.cr.sql_log_count - before

        queries_for(self.alice | others)  # warm-up: currency and other caches
        self.assertEqual(queries_for(self.alice), queries_for(self.alice | others))
