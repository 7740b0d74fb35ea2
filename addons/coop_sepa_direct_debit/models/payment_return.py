# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import models


class PaymentReturn(models.Model):
    _inherit = "payment.return"

    def action_confirm(self):
        """The bank returned these debits: OCA's return makes each invoice
        unpaid again (its instalment due, presented again with the next
        month's debit); each member is told, in her language, what was
        returned of her invoice."""
        # Before the return undoes the reconciliation: what each returned
        # payment had paid of which invoice.
        returned = defaultdict(float)
        reasons = {}
        for line in self.line_ids:
            for partial in line.move_line_ids.matched_debit_ids:
                invoice = partial.debit_move_id.move_id
                if invoice.is_invoice():
                    returned[invoice] += partial.amount
                    reasons[invoice] = line.reason_id
        res = super().action_confirm()
        for invoice, amount in returned.items():
            invoice = invoice.with_context(lang=invoice.partner_id.lang)
            invoice._coop_message_post(
                "coop_sepa_direct_debit.message_debit_returned",
                render_values={
                    "amount": amount,
                    "reason": reasons[invoice].with_env(invoice.env).name,
                },
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=invoice.partner_id.ids,
            )
        return res
