# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop Shelf Labels",
    "summary": "Shelf labels for the épicerie: the price tax included and per"
    " kg or litre, the producer, the origin, the barcode, the allergens of"
    " bulk goods; reprinted when a price changes",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_members",
        "coop_product_info",
        # OCA (requirements/oca.txt): print categories and the reprint queue.
        "product_print_category",
    ],
    "data": [
        "security/coop_shelf_label_security.xml",
        "data/report_paperformat_data.xml",
        "report/shelf_label_templates.xml",
        "report/shelf_label_reports.xml",
        "data/product_print_category_data.xml",
        "views/product_print_category_views.xml",
    ],
    "demo": [
        "demo/product_product_demo.xml",
    ],
    "installable": True,
}
