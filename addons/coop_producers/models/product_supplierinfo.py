# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductSupplierinfo(models.Model):
    _inherit = "product.supplierinfo"

    coop_offer_qty = fields.Float(
        string="Offered quantity",
        digits="Product Unit of Measure",
        help="What this producer can supply per pooling (period or order"
        " cycle). Pooling never allocates more; zero means no limit.",
    )
