# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Marketplace",
    "summary": "Order cycles, pickup points with slots, checkout and distribution",
    "version": "18.0.1.0.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "website_sale",
        "delivery",
        "coop_producers",
        "coop_members",
    ],
    "data": [],
    "demo": [
        "demo/product_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_marketplace/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
