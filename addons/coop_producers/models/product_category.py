# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    coop_commission_override = fields.Boolean(
        string="Own producer commission",
        help="Products of this category take the commission below instead of"
        " their producer's.",
    )
    coop_commission_rate = fields.Float(string="Commission (%)")

    _sql_constraints = [
        (
            "coop_commission_rate_range",
            "CHECK(coop_commission_rate >= 0 AND coop_commission_rate < 100)",
            "A commission is between 0 % and less than 100 %.",
        ),
    ]

    def _coop_commission_rate(self):
        """The category's own rate, or its parent's, or None."""
        self.ensure_one()
        category = self
        while category:
            if category.coop_commission_override:
                return category.coop_commission_rate
            category = category.parent_id
        return None
