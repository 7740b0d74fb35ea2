# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountPaymentMethodLine(models.Model):
    _inherit = "account.payment.method.line"

    @api.model_create_multi
    def create(self, vals_list):
        """A manual payment says how the money came, in the coop's language
        ("Espèces", "Carte bancaire", "Virement"), not Odoo's "Manual
        Payment" (which the journals write as the line's name): the name is
        a plain text, written once, that the share subscriptions, the
        payments and the reports show."""
        lines = super().create(vals_list)
        lines._coop_rename_manual()
        return lines

    def _coop_rename_manual(self):
        for line in self:
            name = line._coop_manual_name()
            if name and line.name == line.payment_method_id.name:
                line.name = name

    def _coop_manual_name(self):
        """The name of a manual payment by its journal: cash, a card
        terminal (a bank journal of the till's card payments) or a bank
        transfer; False for any other payment method."""
        self.ensure_one()
        journal = self.journal_id
        if self.payment_method_id.code != "manual" or not journal:
            return False
        company = journal.company_id
        env = self.with_context(lang=company.partner_id.lang or "fr_FR").env
        if journal.type == "cash":
            return env._("Cash")
        # sudo: which till method uses the journal is set-up, not a secret.
        card = (
            self.env["pos.payment.method"]
            .sudo()
            .search_count(
                [("journal_id", "=", journal.id), ("is_cash_count", "=", False)],
                limit=1,
            )
        )
        if journal.type == "bank" and card:
            return env._("Card")
        if journal.type == "bank":
            return env._("Bank transfer")
        return False

    @api.model
    def _coop_name_manual_payments(self):
        """Name the manual payments still called as Odoo names them (the
        install, a migration)."""
        # sudo: every company's journals, from the install.
        lines = (
            self.sudo()
            .with_context(active_test=False)
            .search([("payment_method_id.code", "=", "manual")])
        )
        lines._coop_rename_manual()
