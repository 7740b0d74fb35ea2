# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Solidarity Price",
    "summary": "Income-based price tiers, monthly caps and a solidarity fund",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_members",
        "sale",
        "point_of_sale",
    ],
    "data": [],
    "demo": [],
    "installable": True,
}
