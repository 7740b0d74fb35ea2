# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Mollie payments",
    "summary": "The coop's shops paid online through Mollie, a European"
    " payment provider (Odoo's own payment_mollie): test mode in the demo,"
    " the cycle's rules on every payment Mollie confirms, late ones refunded",
    "version": "18.0.1.0.0",
    "category": "Accounting/Payment Providers",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        # The cycles' orders, their money and refunds.
        "coop_marketplace",
        # Odoo's Mollie provider (payments API, webhook).
        "payment_mollie",
    ],
    "demo": [
        "demo/payment_provider_demo.xml",
    ],
    "installable": True,
}
