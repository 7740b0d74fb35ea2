# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Bike Delivery",
    "summary": "Home delivery by bike couriers: zones by postcode or radius,"
    " delivery slots booked like pickup slots, a fee never tiered, rounds"
    " planned from the hub with their load and sheet, a courier's phone screen",
    "version": "18.0.1.3.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_marketplace",
        "stock_delivery",
    ],
    "data": [
        "security/coop_bike_delivery_security.xml",
        "security/ir.model.access.csv",
        "data/mail_templates.xml",
        "report/bike_round_reports.xml",
        "views/coop_delivery_zone_views.xml",
        "views/coop_slot_views.xml",
        "views/stock_picking_batch_views.xml",
        "views/portal_courier_templates.xml",
        "views/website_sale_templates.xml",
        "views/sale_order_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/coop_delivery_zone_demo.xml",
        "demo/sale_order_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_bike_delivery/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
