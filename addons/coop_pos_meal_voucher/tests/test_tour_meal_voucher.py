# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "coop_pos_meal_voucher", "coop_tour")
class TestCashierTakesMealVouchers(HttpCase):
    """The demo till (login "caisse", French, the épicerie's tablet):
    titres-restaurant pay the bread, not the beer."""

    browser_size = "1024x768"

    def test_cashier_takes_meal_vouchers_for_the_food(self):
        till = self.env.ref("coop_members.pos_config_epicerie_demo")
        vouchers = self.env.ref(
            "coop_pos_meal_voucher.pos_payment_method_meal_voucher_demo"
        )
        self.start_tour(
            f"/pos/ui?config_id={till.id}",
            "coop_pos_meal_voucher_cashier",
            login="caisse",
        )
        order = self.env["pos.order"].search(
            [("config_id", "=", till.id), ("state", "in", ("paid", "done"))]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(
            {(p.payment_method_id, round(p.amount, 2)) for p in order.payment_ids},
            {
                (vouchers, 4.43),
                (self.env.ref("coop_members.pos_payment_method_cash_demo"), 3.48),
            },
        )
