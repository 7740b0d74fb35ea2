# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Network",
    "summary": "A network of coops in one database: the network coordinator"
    " and the figures of each platform",
    "version": "18.0.1.1.0",
    "category": "Sales/Point of Sale",
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
        "security/coop_network_security.xml",
        "security/ir.model.access.csv",
        "views/coop_network_report_views.xml",
    ],
    "demo": [
        "demo/coop_network_demo.xml",
        "demo/coop_network_history_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_network/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
    "installable": True,
}
