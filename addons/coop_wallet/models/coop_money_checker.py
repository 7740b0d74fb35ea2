# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models


class CoopMoneyChecker(models.AbstractModel):
    _inherit = "coop.money.checker"

    @api.model
    def _checks(self):
        return [*super()._checks(), self._check_prepaid_accounts]

    @api.model
    def _check_prepaid_accounts(self):
        """Every prepaid account's balance is the sum of its history (what
        was put in less what was taken), and never negative."""
        problems = []
        # sudo: the checker reads every member's account.
        cards = (
            self.env["loyalty.card"]
            .sudo()
            .search([("program_id.program_type", "=", "ewallet")])
        )
        history = defaultdict(float)
        for card, issued, used in (
            self.env["loyalty.history"]
            .sudo()
            ._read_group(
                [("card_id", "in", cards.ids)],
                ["card_id"],
                ["issued:sum", "used:sum"],
            )
        ):
            history[card] = issued - used
        for card in cards:
            currency = card.currency_id or self.env.company.currency_id
            if currency.compare_amounts(card.points, history[card]):
                problems.append(
                    self._problem(
                        "prepaid account",
                        f"{card.partner_id.name}: balance {card.points:.2f},"
                        f" history {history[card]:.2f}",
                        card,
                    )
                )
            if currency.compare_amounts(card.points, 0) < 0:
                problems.append(
                    self._problem(
                        "prepaid account",
                        f"{card.partner_id.name}: negative balance {card.points:.2f}",
                        card,
                    )
                )
        return problems
