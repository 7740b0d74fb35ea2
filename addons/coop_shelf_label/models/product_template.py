# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    def write(self, vals):
        res = super().write(vals)
        if vals.get("available_in_pos"):
            self.product_variant_ids.filtered(
                lambda p: not p.print_category_id
            )._coop_apply_print_category_rule()
        return res
