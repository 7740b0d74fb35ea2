# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Producers",
    "summary": "Producer access, producer pooling, collection rounds and payouts",
    "version": "18.0.1.0.0",
    "category": "Inventory/Purchase",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "purchase_stock",
        "stock",
    ],
    "data": [],
    "demo": [
        "demo/res_users_demo.xml",
    ],
    "installable": True,
}
