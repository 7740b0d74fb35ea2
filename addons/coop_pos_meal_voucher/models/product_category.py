# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    coop_meal_voucher_ok = fields.Boolean(
        string="Titres-restaurant",
        help="The food of this category and of its sub-categories may be paid"
        " in titres-restaurant (a product with alcohol never is).",
    )
    coop_meal_voucher_eligible = fields.Boolean(
        string="Payable in titres-restaurant",
        compute="_compute_coop_meal_voucher_eligible",
        store=True,
        recursive=True,
        help="Ticked here or on a parent category.",
    )

    @api.depends("coop_meal_voucher_ok", "parent_id.coop_meal_voucher_eligible")
    def _compute_coop_meal_voucher_eligible(self):
        for category in self:
            category.coop_meal_voucher_eligible = (
                category.coop_meal_voucher_ok
                or category.parent_id.coop_meal_voucher_eligible
            )
