# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.coop_members.tests import common


@tagged("post_install", "-at_install", "coop_members")
class TestRedemption(common.CoopMembersCommon):
    def redeem(self, partner, share_class, quantity, reason="resignation", **values):
        wizard = Form(
            self.env["coop.share.redeem.wizard"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_id=partner.id)
        )
        wizard.share_class_id = share_class
        wizard.quantity = quantity
        wizard.reason = reason
        for name, value in values.items():
            setattr(wizard, name, value)
        action = wizard.save().action_redeem()
        return self.env["coop.share.movement"].browse(action["res_id"])

    def test_redemption_moves_capital_to_pay_back_account(self):
        self.subscribe(self.alice, self.class_a, 3)
        movement = self.redeem(self.alice, self.class_a, 1, reason="other")
        self.assertEqual(movement.state, "confirmed")
        self.assertEqual(movement.quantity, -1)
        self.assertEqual(movement.amount, -10.0)
        self.assertEqual(self.alice.coop_share_count, 2)
        self.assertEqual(self.alice.coop_member_state, "active")
        move = movement.redemption_move_id
        self.assertEqual(move.state, "posted")
        debit = move.line_ids.filtered("debit")
        credit = move.line_ids.filtered("credit")
        self.assertEqual((debit.account_id.code, debit.debit), ("101300", 10.0))
        self.assertEqual((credit.account_id.code, credit.credit), ("456700", 10.0))
        self.assertEqual(credit.partner_id, self.alice)

    def test_redeeming_everything_resigns_then_pay_back(self):
        self.subscribe(self.alice, self.class_a, 2)
        movement = self.redeem(self.alice, self.class_a, 2)
        self.assertEqual(self.alice.coop_member_state, "resigned")
        self.assertEqual(self.alice.coop_share_count, 0)
        movement.with_user(self.manager).action_pay_back()
        payment = movement.payout_payment_id
        self.assertEqual(payment.state, "in_process")
        self.assertEqual(payment.amount, 20.0)
        self.assertEqual(payment.payment_type, "outbound")
        payable = movement.redemption_move_id.line_ids.filtered("credit")
        self.assertTrue(payable.reconciled)
        with self.assertRaises(UserError):
            movement.with_user(self.manager).action_pay_back()

    def test_statutory_delay(self):
        self.class_a.redemption_delay_months = 6
        with freeze_time("2026-03-15"):
            self.subscribe(self.alice, self.class_a, 2)
            movement = self.redeem(self.alice, self.class_a, 2, date=date(2026, 3, 15))
            self.assertEqual(str(movement.payout_due_date), "2026-09-15")
            with self.assertRaisesRegex(UserError, "statutory delay"):
                movement.with_user(self.manager).action_pay_back()
            self.assertFalse(movement.payout_payment_id)
        with freeze_time("2026-09-15"):
            movement.with_user(self.manager).action_pay_back()
            self.assertTrue(movement.payout_payment_id)

    def test_exclusion_with_redemption(self):
        self.subscribe(self.alice, self.class_a, 2)
        self.redeem(self.alice, self.class_a, 2, reason="exclusion")
        self.assertEqual(self.alice.coop_member_state, "excluded")
        self.assertEqual(self.alice.coop_member_state_reason, "Exclusion")

    def test_bad_redemptions_write_nothing(self):
        self.subscribe(self.alice, self.class_a, 2)
        Move = self.env["account.move"]
        moves_before = Move.search_count([])
        movements_before = self.env["coop.share.movement"].search_count([])
        for quantity in (3, 0, -1):
            with (
                self.subTest(quantity=quantity),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                self.redeem(self.alice, self.class_a, quantity)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.redeem(self.bruno, self.class_a, 1)
        self.assertEqual(Move.search_count([]), moves_before)
        self.assertEqual(
            self.env["coop.share.movement"].search_count([]), movements_before
        )
        self.assertEqual(self.alice.coop_share_count, 2)

    def test_redemption_is_part_of_the_immutable_register(self):
        self.subscribe(self.alice, self.class_a, 2)
        movement = self.redeem(self.alice, self.class_a, 1, reason="other")
        with self.assertRaises(UserError):
            movement.with_user(self.manager).write({"quantity": -2})
        with self.assertRaises(UserError):
            movement.sudo().write({"payout_due_date": "2020-01-01"})

    def test_members_user_cannot_pay_back(self):
        self.subscribe(self.alice, self.class_a, 2)
        movement = self.redeem(self.alice, self.class_a, 2)
        with self.assertRaises(AccessError):
            movement.with_user(self.members_user).action_pay_back()
