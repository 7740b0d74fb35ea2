# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Marketplace Wallet",
    "summary": "Bridge: the members' prepaid account in the order cycles' shop"
    " (paid with it, given back when an order shrinks)",
    "version": "18.0.1.0.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_marketplace",
        "coop_wallet",
        # Its basket form pays with the account (auto-installed by Odoo with
        # website_sale and sale_loyalty; our template changes its words).
        "website_sale_loyalty",
    ],
    "data": [
        "data/website_sale_data.xml",
        "views/coop_standing_order_views.xml",
        "views/website_sale_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_marketplace_wallet/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
    "installable": True,
}
