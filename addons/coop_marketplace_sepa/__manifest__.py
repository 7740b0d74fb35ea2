# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Marketplace SEPA",
    "summary": "Bridge: standing baskets paid monthly by SEPA direct debit"
    " (each basket invoiced when handed over, the month's invoices debited"
    " under the member's mandate)",
    "version": "18.0.1.0.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_marketplace",
        "coop_sepa_direct_debit",
    ],
    "data": [
        "views/coop_standing_order_views.xml",
        "views/sale_order_views.xml",
    ],
    "demo": [
        "demo/coop_standing_order_demo.xml",
    ],
    "auto_install": True,
    "installable": True,
}
