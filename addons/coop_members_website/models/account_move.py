# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _invoice_paid_hook(self):
        """A paid application's shares admit the candidate when her
        admission is due (online payment, or cash registered at the
        épicerie)."""
        res = super()._invoice_paid_hook()
        # sudo: whoever registers the payment (the provider's callback, an
        # accountant) admits the candidate it pays for.
        applications = (
            self.env["coop.membership.application"]
            .sudo()
            .search(
                [
                    ("invoice_id", "in", self.ids),
                    ("state", "in", ("submitted", "approved")),
                ]
            )
        )
        applications._coop_admit_if_ready()
        return res
