# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "coop_members")
class TestPaymentMethodNames(TransactionCase):
    """A share subscription paid at the desk says how: "Espèces",
    "Carte bancaire", "Virement", never Odoo's "Manual Payment"."""

    def _manual_names(self, journal):
        return set(
            (
                journal.inbound_payment_method_line_ids
                | journal.outbound_payment_method_line_ids
            )
            .filtered(lambda line: line.payment_method_id.code == "manual")
            .mapped("name")
        )

    def test_every_manual_payment_says_how(self):
        lines = self.env["account.payment.method.line"].search(
            [("payment_method_id.code", "=", "manual")]
        )
        self.assertTrue(lines)
        self.assertNotIn("Manual Payment", lines.mapped("name"))

    def test_names_by_journal_in_the_coops_language(self):
        company = self.env.company
        company.partner_id.lang = "fr_FR"
        Journal = self.env["account.journal"].with_company(company)
        cash = Journal.create({"name": "Caisse test", "code": "CSHT", "type": "cash"})
        bank = Journal.create({"name": "Banque test", "code": "BNKT", "type": "bank"})
        self.assertEqual(self._manual_names(cash), {"Espèces"})
        self.assertEqual(self._manual_names(bank), {"Virement"})
        # A bank journal the till's card payments go to is the card terminal.
        card = Journal.create({"name": "CB test", "code": "CBT", "type": "bank"})
        self.env["pos.payment.method"].create(
            {"name": "CB test", "journal_id": card.id}
        )
        # (Other methods may sit beside it: OCA's SEPA direct debit joins
        # every bank journal, coop_sepa_direct_debit.)
        lines = card.inbound_payment_method_line_ids.filtered(
            lambda line: line.payment_method_id.code == "manual"
        )
        lines.name = lines.payment_method_id.name
        self.env["account.payment.method.line"]._coop_name_manual_payments()
        self.assertEqual(
            self._manual_names(card) & {"Carte bancaire"}, {"Carte bancaire"}
        )
