# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Marketplace Solidarity",
    "summary": "Bridge: the marketplace's fees and products under the solidarity"
    " price tiers",
    "version": "18.0.1.0.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_marketplace",
        "coop_solidarity_price",
    ],
    "data": [
        "views/website_sale_templates.xml",
    ],
    "demo": [
        "demo/coop_price_tier_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_marketplace_solidarity/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
    "installable": True,
}
