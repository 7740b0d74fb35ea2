# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_repr

# What a member must read before buying food at a distance (EU regulation
# 1169/2011, art. 9 and 14): a change by the producer goes back to review.
INFO_FIELDS = {
    "coop_ingredients",
    "allergen_ids",
    "coop_trace_allergen_ids",
    "coop_storage",
    "coop_net_quantity",
    "coop_net_quantity_unit",
    "coop_alcohol_strength",
    "country_id",
    "state_id",
}


class ProductTemplate(models.Model):
    _inherit = "product.template"

    coop_ingredients = fields.Text(
        string="Ingredients",
        translate=True,
        help='As on the package, in decreasing order of weight ("farine de'
        ' blé, eau, sel"). The words of the allergens ticked are shown in'
        " bold in the shop.",
    )
    coop_trace_allergen_ids = fields.Many2many(
        "allergen.allergen",
        "coop_product_trace_allergen_rel",
        "product_tmpl_id",
        "allergen_id",
        string="May contain traces of",
        help="Allergens the product does not contain but may carry (same"
        " workshop, same machines).",
    )
    coop_storage = fields.Char(
        string="Storage",
        translate=True,
        help='Storage and use conditions ("À conserver entre 0 et 4 °C").',
    )
    coop_net_quantity = fields.Float(
        string="Net quantity", digits="Product Unit of Measure"
    )
    coop_net_quantity_unit = fields.Selection(
        [("g", "g"), ("kg", "kg"), ("ml", "ml"), ("cl", "cl"), ("l", "L")],
        string="Net quantity unit",
        default="g",
    )
    coop_alcohol_strength = fields.Float(
        string="Alcohol (% vol)",
        digits=(4, 1),
        help="Shown for drinks of more than 1.2 % vol.",
    )
    coop_info_state = fields.Selection(
        [
            ("draft", "To fill in"),
            ("to_review", "To review"),
            ("validated", "Validated"),
        ],
        string="Product information",
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        help="A producer's change goes to the coop's staff for review; only"
        ' validated products are listed by the shop\'s "without ..." filter.',
    )
    coop_info_warning = fields.Char(
        string="Allergens named but not ticked",
        compute="_compute_coop_info_warning",
    )

    @api.depends("coop_ingredients", "allergen_ids")
    def _compute_coop_info_warning(self):
        allergens = self.env["allergen.allergen"].search(
            [("coop_keywords", "!=", False)]
        )
        for template in self:
            missing = allergens._coop_named_in(template.coop_ingredients) - (
                template.allergen_ids
            )
            template.coop_info_warning = ", ".join(missing.mapped("name")) or False

    @api.constrains("coop_net_quantity", "coop_alcohol_strength")
    def _check_coop_quantities(self):
        for template in self:
            if template.coop_net_quantity < 0:
                raise UserError(self.env._("A net quantity can't be negative."))
            if not 0 <= template.coop_alcohol_strength <= 100:
                raise UserError(
                    self.env._("An alcohol strength is between 0 and 100 % vol.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._coop_check_info_state_writer(vals)
        templates = super().create(vals_list)
        self.browse(
            [
                template.id
                for template, vals in zip(templates, vals_list, strict=True)
                if INFO_FIELDS & set(vals)
            ]
        )._coop_info_changed()
        return templates

    def write(self, vals):
        self._coop_check_info_state_writer(vals)
        res = super().write(vals)
        if INFO_FIELDS & set(vals):
            self._coop_info_changed()
        return res

    @api.model
    def _coop_is_info_reviewer(self):
        return self.env.su or self.env.user.has_group(
            "coop_producers.group_coop_logistics"
        )

    @api.model
    def _coop_check_info_state_writer(self, vals):
        """Only the coop's staff say the information was checked: not the
        producer (her form, RPC, an import)."""
        if vals.get("coop_info_state") == "validated" and not (
            self._coop_is_info_reviewer()
        ):
            raise UserError(
                self.env._("Only the coop's staff validate product information.")
            )

    def _coop_info_changed(self):
        """A producer changed what members read: the coop's staff review it
        again. Staff's own changes keep the state they set."""
        if self._coop_is_info_reviewer():
            return
        # sudo: the producer's change sets the review state she may not set.
        self.sudo().filtered(lambda t: t.coop_info_state != "to_review").write(
            {"coop_info_state": "to_review"}
        )

    def action_coop_info_validate(self):
        """Staff checked the information against the package (or the
        produce: fresh fruit and vegetables have no ingredient list)."""
        self._coop_check_info_state_writer({"coop_info_state": "validated"})
        self.write({"coop_info_state": "validated"})
        return True

    def action_coop_info_to_review(self):
        self.write({"coop_info_state": "to_review"})
        return True

    # ------------------------------------------------------------------
    # What the shop shows
    # ------------------------------------------------------------------

    def _coop_ingredients_html(self):
        """The ingredient list, the words of its allergens in bold (EU
        1169/2011, art. 21)."""
        self.ensure_one()
        text = self.coop_ingredients or ""
        pattern = self.allergen_ids._coop_keyword_pattern()
        if not text or not pattern:
            return escape(text)
        parts = []
        last = 0
        for match in pattern.finditer(text):
            parts.append(escape(text[last : match.start()]))
            parts.append(Markup("<strong>%s</strong>") % match.group(0))
            last = match.end()
        parts.append(escape(text[last:]))
        return Markup("").join(parts)

    def _coop_net_quantity_text(self):
        """ "500 g", "75 cl"; empty without a quantity."""
        self.ensure_one()
        if not self.coop_net_quantity:
            return ""
        quantity = float_repr(self.coop_net_quantity, 3).rstrip("0").rstrip(".")
        unit = dict(
            self._fields["coop_net_quantity_unit"]._description_selection(self.env)
        ).get(self.coop_net_quantity_unit, "")
        return f"{quantity.replace('.', ',')} {unit}"

    def _coop_origin_text(self):
        self.ensure_one()
        return ", ".join(
            name for name in (self.state_id.name, self.country_id.name) if name
        )

    def _coop_shows_alcohol(self):
        self.ensure_one()
        return self.coop_alcohol_strength > 1.2

    def _coop_has_info(self):
        self.ensure_one()
        return bool(
            self.coop_ingredients
            or self.allergen_ids
            or self.coop_trace_allergen_ids
            or self.coop_storage
            or self.coop_net_quantity
            or self._coop_shows_alcohol()
            or self.country_id
        )

    @api.model
    def _search_get_detail(self, website, order, options):
        """``/shop?sans=<allergen id>``: products whose validated information
        has neither that allergen nor its traces."""
        detail = super()._search_get_detail(website, order, options)
        if allergen_id := options.get("coop_without_allergen_id"):
            detail["base_domain"] = [
                *detail["base_domain"],
                [
                    ("coop_info_state", "=", "validated"),
                    ("coop_trace_allergen_ids", "not in", [allergen_id]),
                    (
                        "product_variant_ids",
                        "not any",
                        [("allergen_ids", "in", [allergen_id])],
                    ),
                ],
            ]
        return detail
