# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CoopMoneyChecker(models.AbstractModel):
    """The coop's money invariants, checked on a whole database: what every
    path that moves money must leave true. Each addon adds the money it
    moves (``_checks``): the till here; orders and refunds (marketplace),
    prepaid accounts (wallet), the fund and the allowance (solidarity).
    Run by the tests, the journey simulator after every step, and
    ``make check-money DB=...`` on any database."""

    _name = "coop.money.checker"
    _description = "Money invariants of the coop"

    @api.model
    def _problems(self):
        """Every broken invariant: a list of dicts (``invariant``: its name,
        ``message``: what is wrong, ``records``: the records involved, as
        "model(ids)")."""
        problems = []
        for check in self._checks():
            problems += check()
        return problems

    @api.model
    def _checks(self):
        """The checks of every installed addon (each one extends this)."""
        return [self._check_till_orders_paid]

    @api.model
    def _problem(self, invariant, message, records):
        return {
            "invariant": invariant,
            "message": message,
            "records": f"{records._name}({', '.join(map(str, records.ids))})",
        }

    @api.model
    def _check_till_orders_paid(self):
        """A paid till order's payments (change given back included) equal
        its total, to the cent."""
        problems = []
        # sudo: the checker reads every company's money.
        orders = (
            self.env["pos.order"]
            .sudo()
            .search([("state", "in", ("paid", "done", "invoiced"))])
        )
        for order in orders:
            if order.currency_id.compare_amounts(order.amount_paid, order.amount_total):
                problems.append(
                    self._problem(
                        "till order paid",
                        f"{order.name}: paid {order.amount_paid:.2f},"
                        f" total {order.amount_total:.2f}",
                        order,
                    )
                )
        return problems
