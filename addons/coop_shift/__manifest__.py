# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Volunteer Shifts",
    "summary": "Volunteer participation: shift templates on an N-week cycle,"
    " shifts and attendance, counters and states, a 'can shop' status at the"
    " till and in the shop, households, the member's shifts on her phone",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        # Members, their card and state at the till, the portal.
        "coop_members",
    ],
    "data": [
        "security/coop_shift_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/coop_shift_template_views.xml",
        "views/coop_shift_views.xml",
        "views/coop_shift_participation_views.xml",
        "views/res_config_settings_views.xml",
        "views/pos_order_views.xml",
        "views/portal_templates.xml",
        "views/coop_shift_menus.xml",
    ],
    "demo": [
        "demo/coop_shift_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "coop_shift/static/src/overrides/**/*",
        ],
        "web.assets_tests": [
            "coop_shift/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
