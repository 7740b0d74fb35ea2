# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Wallet",
    "summary": "Members' prepaid account on Odoo's eWallet: topped up at the till,"
    " spent at the till and in the shop, never tiered nor in the solidarity fund",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_solidarity_price",
        "pos_loyalty",
        "sale_loyalty",
    ],
    "data": [
        "data/coop_wallet_data.xml",
        "data/mail_templates.xml",
        "views/product_template_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/coop_wallet_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "coop_wallet/static/src/overrides/**/*",
        ],
        "web.assets_tests": [
            "coop_wallet/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
