# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CoopMoneyChecker(models.AbstractModel):
    _inherit = "coop.money.checker"

    @api.model
    def _checks(self):
        return [
            *super()._checks(),
            self._check_cycle_orders,
            self._check_producer_statements,
        ]

    @api.model
    def _check_cycle_orders(self):
        """What a member paid, less what was given back, is what her order
        owes (goods as delivered at the sale's prices, plus fees), whatever
        the mix of means (sale.order._coop_money): never more (the excess
        goes back at once), and all of it once handed over. A refund never
        gives back more than came in online."""
        problems = []
        # sudo: the checker reads every company's money.
        orders = (
            self.env["sale.order"]
            .sudo()
            .search(
                [("coop_cycle_id", "!=", False), ("state", "in", ("sale", "cancel"))]
            )
        )
        for order in orders:
            money = order._coop_money()
            if money.excess:
                problems.append(
                    self._problem(
                        "order balance",
                        f"{order.name}: paid {sum(money.paid.values()):.2f}"
                        f" {money.paid}, given back {money.given_back:.2f},"
                        f" owes {money.owed:.2f}: {money.excess:.2f} kept too much",
                        order,
                    )
                )
            if order.state == "sale" and order.coop_collected and money.due:
                problems.append(
                    self._problem(
                        "order balance",
                        f"{order.name}: handed over with {money.due:.2f} unpaid",
                        order,
                    )
                )
            refunded = sum(order.coop_refund_ids.mapped("amount"))
            if order.currency_id.compare_amounts(refunded, money.paid["online"]) > 0:
                problems.append(
                    self._problem(
                        "refunds",
                        f"{order.name}: {refunded:.2f} refunded for"
                        f" {money.paid['online']:.2f} paid online",
                        order.coop_refund_ids,
                    )
                )
        return problems

    @api.model
    def _check_producer_statements(self):
        """What the coop owes a farm: an issued statement's vendor bill is
        hers, in the statement's company, and bills exactly the statement's
        net amount before VAT (one bill line per receipt)."""
        problems = []
        # sudo: the checker reads every company's money.
        statements = (
            self.env["coop.producer.statement"]
            .sudo()
            .search([("state", "=", "confirmed")])
        )
        for statement in statements:
            bill = statement.vendor_bill_id
            if (
                not bill
                or bill.partner_id != statement.producer_id
                or bill.company_id != statement.company_id
            ):
                problems.append(
                    self._problem(
                        "producer statement",
                        f"{statement.name}: no bill of its producer and company",
                        statement,
                    )
                )
                continue
            if statement.currency_id.compare_amounts(
                bill.amount_untaxed, statement.amount_net
            ):
                problems.append(
                    self._problem(
                        "producer statement",
                        f"{statement.name}: billed {bill.amount_untaxed:.2f}"
                        f" before VAT, states {statement.amount_net:.2f}",
                        statement,
                    )
                )
        return problems
