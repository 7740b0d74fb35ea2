# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ProductProduct(models.Model):
    _inherit = "product.product"

    def write(self, vals):
        res = super().write(vals)
        # The variant's allergens (product_allergen) are the product's
        # information too: a producer's change goes back to review.
        if "allergen_ids" in vals:
            self.product_tmpl_id._coop_info_changed()
        return res
