# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Bulk at the Till",
    "summary": "Bulk goods at the coop's till: the weight typed in, less the"
    " container's tare",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_members",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "coop_pos_bulk/static/src/app/**/*",
            "coop_pos_bulk/static/src/overrides/**/*",
        ],
        "web.assets_tests": [
            "coop_pos_bulk/static/tests/tours/**/*",
        ],
    },
    # Every members' till sells bulk: installed with coop_members.
    "auto_install": True,
    "installable": True,
}
