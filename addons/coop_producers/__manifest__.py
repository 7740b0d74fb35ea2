# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Producers",
    "summary": "Producer access, producer pooling, collection rounds and payouts",
    "version": "18.0.1.1.0",
    "category": "Inventory/Purchase",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "purchase_stock",
        "stock",
        "stock_picking_batch",
    ],
    "data": [
        "security/coop_producers_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "wizards/coop_producer_stock_wizard_views.xml",
        "wizards/coop_producer_statement_wizard_views.xml",
        "views/res_partner_views.xml",
        "views/product_template_views.xml",
        "views/coop_pooling_views.xml",
        "views/coop_collection_round_views.xml",
        "views/coop_producer_statement_views.xml",
        "report/coop_collection_round_reports.xml",
        "report/coop_producer_statement_reports.xml",
        "views/coop_producers_menus.xml",
    ],
    "demo": [
        "demo/coop_producer_demo.xml",
        "demo/res_users_demo.xml",
        "demo/coop_pooling_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_producers/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
