# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Members",
    "summary": "Cooperative members, share capital register and member card",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "account",
        "point_of_sale",
        "portal",
    ],
    "data": [],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/product_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_members/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
