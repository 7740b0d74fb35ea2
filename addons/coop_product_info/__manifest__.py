# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Product Information",
    "summary": "What a member reads before buying food: ingredients with their"
    " allergens in bold, traces, net quantity, origin, storage; filled in by"
    " the producer, reviewed by the coop",
    "version": "18.0.1.0.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_producers",
        "website_sale",
        # OCA (requirements/oca.txt): the 14 regulated allergens, the origin.
        "product_allergen",
        "product_origin",
    ],
    "data": [
        "security/ir.model.access.csv",
        "data/allergen_allergen_data.xml",
        "views/product_template_views.xml",
        "views/website_sale_templates.xml",
    ],
    "demo": [
        "demo/product_template_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_product_info/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
