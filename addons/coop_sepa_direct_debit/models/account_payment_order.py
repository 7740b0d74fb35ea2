# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import date_utils


class AccountPaymentOrder(models.Model):
    _inherit = "account.payment.order"

    @api.model
    def _coop_prepare_monthly_debits(self, date=None):
        """The month of ``date``'s direct-debit order of each SEPA direct
        debit mode: a draft order of every posted invoice's instalment due
        by the end of the month, to be debited by that mode (the member's
        customer payment mode when the invoice was made). The accountant
        checks it, confirms it (each line's mandate is checked then) and
        sends its pain.008 file to the bank. Run again, it completes the
        draft order: an instalment already in an order waiting for the bank
        is never taken twice (OCA's rule), one the bank returned is taken
        again. Returns the orders."""
        date = date or fields.Date.context_today(self)
        month_end = date_utils.end_of(date, "month")
        orders = self.browse()
        modes = self.env["account.payment.mode"].search(
            [
                ("payment_method_id.code", "=", "sepa_direct_debit"),
                ("payment_order_ok", "=", True),
            ]
        )
        for mode in modes:
            # Each company's order in its own company, whoever runs the job.
            Order = self.with_company(mode.company_id)
            order = Order.search(
                [("payment_mode_id", "=", mode.id), ("state", "=", "draft")],
                limit=1,
            ) or Order.create({"payment_mode_id": mode.id})
            wizard = (
                self.env["account.payment.line.create"]
                .with_company(mode.company_id)
                .with_context(active_model="account.payment.order", active_id=order.id)
                .create(
                    {
                        "date_type": "due",
                        "due_on": "<=",
                        "filter_date": month_end,
                        "target_move": "posted",
                        "invoice": True,
                        "payment_mode": "same",
                    }
                )
            )
            wizard.populate()
            wizard.create_payment_lines()
            if order.payment_line_ids:
                orders |= order
            else:
                order.unlink()
        return orders
