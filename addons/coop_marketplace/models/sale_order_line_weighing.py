# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, formatLang

# A real weight this far from the estimate is a typing or scale error
# (172 for 1.72), not a big chicken: the volunteer is asked to check.
WEIGHT_TOLERANCE = 2.0


class SaleOrderLine(models.Model):
    """Goods sold by weight: ordered by the piece at an estimated weight,
    priced at the real weight once weighed."""

    _inherit = "sale.order.line"

    coop_sold_by_weight = fields.Boolean(
        related="product_id.product_tmpl_id.coop_sold_by_weight"
    )
    coop_estimated_weight = fields.Float(
        string="Estimated weight (kg)",
        compute="_compute_coop_estimated_weight",
        digits="Stock Weight",
    )
    coop_real_weight = fields.Float(
        string="Real weight (kg)",
        digits="Stock Weight",
        copy=False,
        readonly=True,
        help="Weighed before the pickup: the line is priced at this weight.",
    )
    coop_estimated_price_unit = fields.Float(
        string="Unit price before weighing",
        digits="Product Price",
        copy=False,
        readonly=True,
        help="The price per piece at the estimated weight, kept so that a"
        " second weighing starts from it.",
    )
    coop_price_per_kg = fields.Float(
        string="Price per kg",
        compute="_compute_coop_price_per_kg",
        digits="Product Price",
    )
    coop_price_per_kg_incl = fields.Monetary(
        string="Price per kg incl. taxes",
        compute="_compute_coop_price_per_kg",
        help="What the member reads: the price per kg taxes included.",
    )

    @api.depends("product_uom_qty", "product_id.base_unit_count")
    def _compute_coop_estimated_weight(self):
        for line in self:
            line.coop_estimated_weight = (
                line.product_uom_qty * line.product_id.base_unit_count
                if line.coop_sold_by_weight
                else 0.0
            )

    @api.depends(
        "price_unit",
        "price_total",
        "coop_estimated_price_unit",
        "coop_real_weight",
        "coop_estimated_weight",
        "product_id",
    )
    def _compute_coop_price_per_kg(self):
        for line in self:
            per_piece = line.product_id.base_unit_count
            if not line.coop_sold_by_weight or not per_piece:
                line.coop_price_per_kg = line.coop_price_per_kg_incl = 0.0
                continue
            price = line.coop_estimated_price_unit or line.price_unit
            line.coop_price_per_kg = price / per_piece
            weight = line.coop_real_weight or line.coop_estimated_weight
            line.coop_price_per_kg_incl = line.price_total / weight if weight else 0.0

    def _coop_weighed_price_unit(self, weight):
        """The price per piece that makes the line cost ``weight`` kg at
        the line's price per kg (the member's tier price, taxes as the
        line's). With several pieces on the line, the unit price is rounded
        to the price's digits: at most half a cent per piece off."""
        self.ensure_one()
        return self.coop_price_per_kg * weight / self.product_uom_qty

    def _coop_weight_ratio(self):
        """Real weight / estimated weight (1 until weighed): what the goods
        turned out to be worth compared with what was sold."""
        self.ensure_one()
        if not self.coop_real_weight or not self.coop_estimated_weight:
            return 1.0
        return self.coop_real_weight / self.coop_estimated_weight

    def _coop_check_real_weight(self, weight):
        self.ensure_one()
        if float_compare(weight, 0, precision_digits=3) <= 0:
            raise UserError(
                self.env._(
                    "Enter the weight of %(product)s in kg (more than 0).",
                    product=self.product_id.display_name,
                )
            )
        estimate = self.coop_estimated_weight
        if estimate and not (
            estimate / WEIGHT_TOLERANCE <= weight <= estimate * WEIGHT_TOLERANCE
        ):
            raise UserError(
                self.env._(
                    "%(weight)s kg for %(product)s is far from the estimated"
                    " %(estimate)s kg: check the scale and that the weight is"
                    " in kg. Nothing was changed.",
                    weight=formatLang(self.env, weight, digits=3),
                    product=self.product_id.display_name,
                    estimate=formatLang(self.env, estimate, digits=3),
                )
            )
