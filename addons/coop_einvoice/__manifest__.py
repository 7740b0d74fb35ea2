# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop E-invoices (Factur-X)",
    "summary": "French e-invoicing reform: the coop's invoices to businesses"
    " as Factur-X (EN 16931), checked against the standard's schema; a farm's"
    " Factur-X becomes her bill on the purchase order; producer statements"
    " self-billed under the farm's mandate, numbered per farm, as Factur-X",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/coop-hdf/coop-addons",
    "author": "Coop Hauts-de-France",
    "maintainers": ["coop-hdf"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_members",
        # A farm's own invoice pays her receipts: no statement bills them.
        "coop_producers",
        # Odoo's Factur-X (CII) export and import, and the link of a
        # received bill to its purchase order.
        "account_edi_ubl_cii",
        "purchase_edi_ubl_bis3",
    ],
    "data": [
        "views/res_partner_views.xml",
        "views/account_move_views.xml",
    ],
    "demo": [
        "demo/einvoice_demo.xml",
    ],
    "installable": True,
}
