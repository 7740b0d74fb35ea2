# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.coop_members.tests import common as members_common


@tagged("post_install", "-at_install", "coop_pos_meal_voucher")
class TestMealVoucher(TransactionCase):
    """Titres-restaurant at the demo's "Caisse épicerie", synced by its
    cashier the way the till sends its orders: the server decides."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, lang="fr_FR", **DISABLED_MAIL_CONTEXT)
        )
        cls.till = cls.env.ref("coop_members.pos_config_epicerie_demo")
        cls.cash = cls.env.ref("coop_members.pos_payment_method_cash_demo")
        cls.vouchers = cls.env.ref(
            "coop_pos_meal_voucher.pos_payment_method_meal_voucher_demo"
        )
        cls.cashier = cls.env.ref("coop_members.res_users_cashier_demo")
        cls.amina = cls.env.ref("coop_members.res_users_member_demo").partner_id
        cls.bread = cls.env.ref("coop_members.product_pain_campagne_demo")
        cls.beer = cls.env.ref("coop_members.product_biere_demo")
        cls.share = cls.env["product.product"].search(
            [("type", "=", "service"), ("available_in_pos", "=", True)], limit=1
        )
        cls.till.with_user(cls.cashier).open_ui()
        cls.session = cls.till.current_session_id

    def sync(self, lines, payments, partner=None):
        """A paid order (``lines``: product, quantity; at their list price,
        taxes in) paid with ``payments`` ((method, amount)); the change is
        what exceeds the total. Returns the stored order."""
        data = members_common.pos_order_data(
            self.session,
            self.cash,
            [(product, qty, product.lst_price) for product, qty in lines],
            partner,
            user=self.cashier,
            taxed=True,
        )
        paid = round(sum(amount for __, amount in payments), 2)
        data.update(
            payment_ids=[
                Command.create(
                    {"amount": amount, "name": "now", "payment_method_id": method.id}
                )
                for method, amount in payments
            ],
            amount_paid=paid,
            amount_return=round(paid - data["amount_total"], 2),
        )
        self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def assertRefused(self, message, lines, payments, partner=None):
        """The till's request fails: its transaction (here a savepoint) is
        rolled back, no order and no payment stay."""
        count = self.env["pos.order"].search_count([])
        with self.assertRaisesRegex(UserError, message), self.env.cr.savepoint():
            self.sync(lines, payments, partner)
        self.assertEqual(self.env["pos.order"].search_count([]), count, "no order")

    def test_vouchers_pay_the_food_not_the_beer(self):
        # The bread 4.20 + 5.5 % = 4.43; the beer 2.90 + 20 % = 3.48.
        self.assertTrue(self.bread.coop_meal_voucher_ok)
        self.assertFalse(self.beer.coop_meal_voucher_ok, "alcohol")
        self.assertFalse(self.share.coop_meal_voucher_ok, "a share, a service")
        order = self.sync(
            [(self.bread, 1), (self.beer, 1)],
            [(self.vouchers, 4.43), (self.cash, 3.48)],
        )
        self.assertEqual(order.state, "paid")
        self.assertAlmostEqual(order._coop_meal_voucher_eligible_amount(), 4.43)
        self.assertRefused(
            "au plus 4,43",
            [(self.bread, 1), (self.beer, 1)],
            [(self.vouchers, 4.44), (self.cash, 3.47)],
        )
        self.assertRefused(
            "uniquement",
            [(self.share, 1)],
            [(self.vouchers, self.share.lst_price)],
        )

    def test_25_euros_a_day_per_person(self):
        # Amina pays 5 breads (22.15 €) in vouchers this morning...
        self.sync([(self.bread, 5)], [(self.vouchers, 22.15)], self.amina)
        self.assertAlmostEqual(
            self.env["pos.order"]
            .with_user(self.cashier)
            .coop_meal_voucher_spent_today(self.amina.id),
            22.15,
        )
        # ...so 2.85 € more today, not 2.86.
        self.assertRefused(
            "22,15",
            [(self.bread, 1)],
            [(self.vouchers, 2.86), (self.cash, 1.57)],
            self.amina,
        )
        self.sync(
            [(self.bread, 1)], [(self.vouchers, 2.85), (self.cash, 1.58)], self.amina
        )
        # Someone unknown at the till: 25 € in one order at most.
        self.assertRefused(
            "25,00", [(self.bread, 6)], [(self.vouchers, 26.58)], partner=None
        )

    def test_vouchers_give_no_change(self):
        card = self.env.ref("coop_members.pos_payment_method_card_demo")
        self.assertRefused(
            "aucune monnaie",
            [(self.bread, 2)],
            [(self.vouchers, 8.0), (card, 5.0)],
        )
        # Change from the cash, not from the vouchers.
        order = self.sync([(self.bread, 2)], [(self.vouchers, 5.0), (self.cash, 10.0)])
        self.assertAlmostEqual(order.amount_return, 6.14)

    def test_the_closing_keeps_vouchers_apart(self):
        self.sync([(self.bread, 2)], [(self.vouchers, 8.86)])
        self.sync([(self.bread, 1)], [(self.cash, 4.43)])
        self.session.with_user(self.cashier).action_pos_session_closing_control()
        self.assertEqual(self.session.state, "closed")
        account = self.env.ref("coop_pos_meal_voucher.account_meal_voucher_demo")
        lines = self.env["account.move.line"].search([("account_id", "=", account.id)])
        self.assertAlmostEqual(sum(lines.mapped("debit")), 8.86)
        self.assertEqual(
            lines.journal_id,
            self.env.ref("coop_pos_meal_voucher.account_journal_meal_voucher_demo"),
        )

    def test_the_money_checker_sees_vouchers_over_the_food(self):
        order = self.sync([(self.bread, 1), (self.beer, 1)], [(self.cash, 7.91)])
        checker = self.env["coop.money.checker"]
        self.assertFalse(checker._check_meal_vouchers())
        # Written behind the till's back: the vouchers paid the beer too.
        order.payment_ids.payment_method_id = self.vouchers
        problems = checker._check_meal_vouchers()
        self.assertEqual(len(problems), 1)
        self.assertEqual(problems[0]["records"], f"pos.order({order.id})")

    def test_a_voucher_method_is_never_cash(self):
        with self.assertRaises(ValidationError):
            self.env["pos.payment.method"].create(
                {
                    "name": "Titres en caisse",
                    "journal_id": self.cash.journal_id.id,
                    "coop_meal_voucher": True,
                }
            )
