# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Members",
    "summary": "Cooperative members, share capital register and member card",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "account",
        "point_of_sale",
        "portal",
    ],
    "data": [
        "security/coop_members_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "wizards/coop_member_state_wizard_views.xml",
        "wizards/coop_share_redeem_wizard_views.xml",
        "wizards/coop_share_subscribe_wizard_views.xml",
        "wizards/coop_share_transfer_wizard_views.xml",
        "views/coop_share_class_views.xml",
        "views/coop_share_movement_views.xml",
        "views/res_partner_views.xml",
        "views/pos_config_views.xml",
        "views/pos_order_views.xml",
        "views/coop_members_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/product_demo.xml",
        "demo/coop_share_class_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "coop_members/static/src/app/**/*",
        ],
        "web.assets_tests": [
            "coop_members/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
