# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .pos_order import PAID_STATES


class CoopMoneyChecker(models.AbstractModel):
    _inherit = "coop.money.checker"

    @api.model
    def _checks(self):
        return [*super()._checks(), self._check_meal_vouchers]

    @api.model
    def _check_meal_vouchers(self):
        """A paid till order's titres-restaurant pay its food only, within
        the daily limit of its customer, and gave no change."""
        # sudo: the checker reads every company's money.
        orders = (
            self.env["pos.payment"]
            .sudo()
            .search(
                [
                    ("payment_method_id.coop_meal_voucher", "=", True),
                    ("pos_order_id.state", "in", PAID_STATES),
                ]
            )
            .pos_order_id
        )
        problems = []
        for order in orders:
            problem = order._coop_meal_voucher_problem()
            if problem:
                problems.append(self._problem("meal vouchers", problem, order))
        return problems
