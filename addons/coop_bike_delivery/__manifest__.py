# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Bike Delivery",
    "summary": "Home delivery by bike couriers: delivery zones by postcode or"
    " radius around the hub, a fee never tiered, free above a basket amount",
    "version": "18.0.1.0.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_marketplace",
    ],
    "data": [
        "security/coop_bike_delivery_security.xml",
        "security/ir.model.access.csv",
        "views/coop_delivery_zone_views.xml",
    ],
    "demo": [
        "demo/coop_delivery_zone_demo.xml",
    ],
    "installable": True,
}
