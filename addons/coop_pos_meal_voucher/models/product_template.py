# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# Above this strength a drink is alcohol (EU regulation 1169/2011, art. 28).
ALCOHOL_FREE_MAX = 1.2


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # Stored: the till loads it with the product, at no extra query.
    coop_meal_voucher_ok = fields.Boolean(
        string="Payable in titres-restaurant",
        compute="_compute_coop_meal_voucher_ok",
        store=True,
        help="Goods of a category open to titres-restaurant, without alcohol."
        " Shares, top-ups, donations and other services never are.",
    )

    @api.depends("type", "categ_id.coop_meal_voucher_eligible", "coop_alcohol_strength")
    def _compute_coop_meal_voucher_ok(self):
        for template in self:
            template.coop_meal_voucher_ok = (
                template.type == "consu"
                and template.categ_id.coop_meal_voucher_eligible
                and template.coop_alcohol_strength <= ALCOHOL_FREE_MAX
            )
