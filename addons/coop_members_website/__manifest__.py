# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Members Website",
    "summary": "Join the coop online: share classes, statutes and internal"
    " rules accepted by version, shares paid online or at the épicerie,"
    " admission automatic or by the board",
    "version": "18.0.1.0.0",
    "category": "Website/Website",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_members",
        "website",
        "account_payment",
    ],
    "data": [
        "security/coop_members_website_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/website_menu_data.xml",
        "views/mail_templates.xml",
        "wizards/coop_application_refuse_wizard_views.xml",
        "views/coop_membership_document_views.xml",
        "views/coop_membership_application_views.xml",
        "views/res_config_settings_views.xml",
        "views/website_templates.xml",
    ],
    "demo": [
        "demo/coop_membership_document_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "coop_members_website/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
