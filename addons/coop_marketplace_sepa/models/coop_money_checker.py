# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CoopMoneyChecker(models.AbstractModel):
    _inherit = "coop.money.checker"

    @api.model
    def _checks(self):
        return [*super()._checks(), self._check_orders_debited_by_mandate]

    @api.model
    def _check_orders_debited_by_mandate(self):
        """An order paid by direct debit is invoiced to its own member, in
        its company, under the mandate the member chose, by a direct-debit
        mode (the order's balance itself is the cycle orders' rule: never
        invoiced beyond what it owes, all of it once handed over)."""
        problems = []
        # sudo: the checker reads every company's money.
        orders = (
            self.env["sale.order"]
            .sudo()
            .search([("coop_cycle_id", "!=", False), ("coop_mandate_id", "!=", False)])
        )
        for order in orders:
            mandate = order.coop_mandate_id
            if mandate.partner_id.commercial_partner_id != (
                order.partner_id.commercial_partner_id
            ):
                problems.append(
                    self._problem(
                        "debited by mandate",
                        f"{order.name}: mandate {mandate.unique_mandate_reference}"
                        f" is not {order.partner_id.name}'s",
                        order,
                    )
                )
            for invoice in order._coop_direct_debit_invoices():
                if (
                    invoice.mandate_id != mandate
                    or invoice.company_id != order.company_id
                    or invoice.payment_mode_id.payment_method_id.code
                    != "sepa_direct_debit"
                ):
                    problems.append(
                        self._problem(
                            "debited by mandate",
                            f"{order.name}: {invoice.name} is not debited under"
                            f" {mandate.unique_mandate_reference} in"
                            f" {order.company_id.name}",
                            invoice,
                        )
                    )
        return problems
