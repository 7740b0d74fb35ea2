# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _invoice_paid_hook(self):
        """A paid subscription invoice enters its shares in the register."""
        res = super()._invoice_paid_hook()
        # sudo: whoever registers the payment (an accountant, the bank
        # reconciliation) confirms the subscription it pays, without being a
        # members manager. Only draft movements of these invoices are touched,
        # so a second payment registration confirms nothing twice.
        movements = (
            self.env["coop.share.movement"]
            .sudo()
            .search([("invoice_id", "in", self.ids), ("state", "=", "draft")])
        )
        movements._confirm()
        return res
