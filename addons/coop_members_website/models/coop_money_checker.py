# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CoopMoneyChecker(models.AbstractModel):
    _inherit = "coop.money.checker"

    @api.model
    def _checks(self):
        return super()._checks() + [self._check_applications_shares]

    @api.model
    def _check_applications_shares(self):
        """An applicant's money and the register agree: admitted, her shares
        are in the register once, for what her invoice says and she paid;
        not admitted, the register holds nothing of her application; paid
        under automatic admission, she is admitted; refused, her invoice is
        cancelled by a credit note (what the coop pays back if she paid)."""
        problems = []
        # sudo: the checker reads every company's money. An application
        # without an invoice holds no money.
        applications = (
            self.env["coop.membership.application"]
            .sudo()
            .search([("invoice_id", "!=", False)])
        )
        # One search for every application's register movements.
        movements = (
            self.env["coop.share.movement"]
            .sudo()
            .search(
                [
                    ("invoice_id", "in", applications.invoice_id.ids),
                    ("state", "=", "confirmed"),
                ]
            )
        )
        held_by_invoice = movements.grouped("invoice_id")
        for application in applications:
            invoice = application.invoice_id
            held = held_by_invoice.get(invoice, movements.browse())
            wrong = None
            if application.state == "admitted":
                if not application.is_paid:
                    wrong = "admitted with shares unpaid"
                elif held != application.movement_id or len(held) != 1:
                    wrong = f"{len(held)} register movements for its invoice"
                elif invoice.currency_id.compare_amounts(
                    held.amount, invoice.amount_total
                ):
                    wrong = (
                        f"register {held.amount:.2f},"
                        f" invoice {invoice.amount_total:.2f}"
                    )
            elif held:
                wrong = f"not admitted, yet {held.name} is in the register"
            elif application.state == "refused":
                if invoice.state == "posted" and not invoice.reversal_move_ids:
                    wrong = "refused, its invoice still due"
            elif application.is_paid and (
                application.state == "approved"
                or application.admission_mode == "automatic"
            ):
                wrong = "paid and due for admission, yet not admitted"
            if wrong:
                problems.append(
                    self._problem(
                        "application shares",
                        f"{application.name}: {wrong}",
                        application,
                    )
                )
        return problems
