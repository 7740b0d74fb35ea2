# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Volunteer Shifts in the Shop",
    "summary": "A member whose shifts suspend her shopping is refused in the"
    " shop and her standing baskets, with how to catch up; her household"
    " shops on her membership",
    "version": "18.0.1.0.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_shift",
        "coop_marketplace",
    ],
    "data": [
        "views/website_sale_templates.xml",
    ],
    "auto_install": True,
    "installable": True,
}
