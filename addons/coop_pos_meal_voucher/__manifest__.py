# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Meal Vouchers at the Till",
    "summary": "Titres-restaurant at the till: food only (no alcohol, no"
    " shares or top-ups), at most the daily limit, never change; checked by"
    " the server, apart in the closing and the accounts",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_members",
        # The alcohol strength of a product (no titres-restaurant for it).
        "coop_product_info",
    ],
    "data": [
        "views/pos_payment_method_views.xml",
        "views/product_category_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/pos_meal_voucher_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "coop_pos_meal_voucher/static/src/overrides/**/*",
        ],
        "web.assets_tests": [
            "coop_pos_meal_voucher/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
