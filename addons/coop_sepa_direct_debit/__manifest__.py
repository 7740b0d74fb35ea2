# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop SEPA direct debit",
    "summary": "Members' instalments (shares paid in several times) collected"
    " by SEPA direct debit under their mandate: the month's debit file"
    " (pain.008) prepared for the bank, a debit the bank returns marked"
    " unpaid and the member told",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        # The members and their share invoices (instalments).
        "coop_members",
        # OCA bank-payment: mandates, debit orders, the pain.008 file.
        "account_banking_sepa_direct_debit",
        # OCA account-payment: a returned debit.
        "account_payment_return",
    ],
    "data": [
        "security/ir_rule.xml",
        "data/payment_return_reason_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
    ],
    "demo": [
        "demo/sepa_demo.xml",
    ],
    "installable": True,
}
