# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models


class CoopMoneyChecker(models.AbstractModel):
    _inherit = "coop.money.checker"

    @api.model
    def _checks(self):
        return [*super()._checks(), self._check_debits_taken_once]

    @api.model
    def _check_debits_taken_once(self):
        """A member's instalment is debited once: what the debit orders sent
        to the bank took of each invoice's instalment, less what the bank
        returned, is at most that instalment."""
        # sudo: the checker reads every company's money. One query, however
        # many debits were sent.
        debited = defaultdict(
            float,
            self.env["account.payment.line"]
            .sudo()
            ._read_group(
                [
                    ("order_id.state", "=", "uploaded"),
                    ("order_id.payment_type", "=", "inbound"),
                    ("move_line_id", "!=", False),
                ],
                ["move_line_id"],
                ["amount_currency:sum"],
            ),
        )
        returns = (
            self.env["payment.return.line"]
            .sudo()
            .search([("return_id.state", "=", "done")])
        )
        for payment_line in returns.move_line_ids.payment_id.payment_line_ids:
            debited[payment_line.move_line_id] -= payment_line.amount_currency
        problems = []
        for instalment, amount in debited.items():
            if instalment.currency_id.compare_amounts(amount, instalment.debit) > 0:
                problems.append(
                    self._problem(
                        "debited once",
                        f"{instalment.move_id.name}, due"
                        f" {instalment.date_maturity}: {amount:.2f} debited for"
                        f" {instalment.debit:.2f}",
                        instalment.move_id,
                    )
                )
        return problems
