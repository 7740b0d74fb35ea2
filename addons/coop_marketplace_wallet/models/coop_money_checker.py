# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models


class CoopMoneyChecker(models.AbstractModel):
    _inherit = "coop.money.checker"

    @api.model
    def _checks(self):
        return [*super()._checks(), self._check_orders_paid_from_accounts]

    @api.model
    def _check_orders_paid_from_accounts(self):
        """What an order says its member paid from her prepaid account is
        what the account's history says it took (used less given back);
        the account's payment is money, never goods: the close never pools
        it."""
        problems = []
        # sudo: the checker reads every company's money.
        History = self.env["loyalty.history"].sudo()
        taken = defaultdict(float)
        put_in = defaultdict(float)
        for entry in History.search(
            [
                ("order_model", "=", "sale.order"),
                ("card_id.program_id.program_type", "=", "ewallet"),
            ]
        ):
            taken[entry.order_id] += entry.used
            put_in[entry.order_id] += entry.issued
        orders = (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    "|",
                    ("id", "in", list(taken)),
                    ("order_line.reward_id.program_id.program_type", "=", "ewallet"),
                ]
            )
        )
        for order in orders:
            lines = order._coop_wallet_lines()
            paid = -sum(lines.mapped("price_total"))
            # An order paid from the account takes what it paid, less what
            # went back; any other order (a top-up) takes nothing.
            expected = taken.get(order.id, 0.0) - (
                put_in.get(order.id, 0.0) if lines else 0.0
            )
            if order.currency_id.compare_amounts(paid, expected):
                problems.append(
                    self._problem(
                        "paid from the account",
                        f"{order.name}: {paid:.2f} paid from the account on the"
                        f" order, {expected:.2f} taken by the account's history",
                        order,
                    )
                )
        pooled = (
            self.env["coop.pooling.demand"]
            .sudo()
            .search([("product_id.coop_money_kind", "!=", False)])
        )
        if pooled:
            problems.append(
                self._problem(
                    "payments are not goods",
                    "pooled as goods: "
                    + ", ".join(sorted(set(pooled.product_id.mapped("name")))),
                    pooled,
                )
            )
        return problems
