# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Members Website Solidarity",
    "summary": "Bridge: asking for the solidarity price when joining online"
    " (household, quotient familial, a document), read by the solidarity"
    " officers only",
    "version": "18.0.1.0.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_members_website",
        "coop_solidarity_price",
    ],
    "data": [
        "views/website_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_members_website_solidarity/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
    "installable": True,
}
