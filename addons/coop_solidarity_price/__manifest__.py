# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Solidarity Price",
    "summary": "Income-based price tiers, monthly caps and a solidarity fund",
    "version": "18.0.1.3.0",
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
    "data": [
        "security/coop_solidarity_price_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/mail_activity_type_data.xml",
        "wizards/coop_tier_assign_wizard_views.xml",
        "views/coop_price_tier_views.xml",
        "views/coop_solidarity_entry_views.xml",
        "views/coop_tier_evidence_views.xml",
        "views/res_partner_views.xml",
        "views/pos_order_views.xml",
        "views/portal_templates.xml",
        "views/res_config_settings_views.xml",
        "views/coop_solidarity_menus.xml",
    ],
    "demo": [
        "demo/coop_price_tier_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "coop_solidarity_price/static/src/overrides/**/*",
        ],
        "web.assets_tests": [
            "coop_solidarity_price/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
