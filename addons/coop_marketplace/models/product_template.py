# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # Stored so that a shop page of products shows its producers without a
    # query of its own: they come with the products' row.
    coop_producer_farm = fields.Char(
        string="Farm",
        compute="_compute_coop_producer_farm",
        store=True,
        help="The producer's farm name (else their name), shown in the shop.",
    )
    coop_producer_distance_km = fields.Float(
        string="Producer distance (km)",
        related="coop_producer_id.coop_distance_km",
        store=True,
    )

    @api.depends("coop_producer_id.coop_farm_name", "coop_producer_id.name")
    def _compute_coop_producer_farm(self):
        for template in self:
            producer = template.coop_producer_id
            template.coop_producer_farm = producer.coop_farm_name or producer.name

    @api.model
    def _search_get_detail(self, website, order, options):
        """The shop's filter by producer (``/shop?producer=<id>``)."""
        detail = super()._search_get_detail(website, order, options)
        if options.get("coop_producer_id"):
            detail["base_domain"] = [
                *detail["base_domain"],
                [("coop_producer_id", "=", options["coop_producer_id"])],
            ]
        return detail

    # Goods sold by the piece at a price per kg (a chicken, a squash): the
    # member orders pieces at the estimated weight (the shop's "base unit
    # count", in kg), the volunteer weighs them before the pickup and the
    # line becomes the real weight × the price per kg.
    coop_sold_by_weight = fields.Boolean(
        string="Sold by weight",
        help="Ordered by the piece at its estimated weight (the content in kg"
        " above), priced at its real weight: the pickup volunteers weigh it"
        " and the member pays the real weight × the price per kg.",
    )

    def _get_related_fields_variant_template(self):
        """The content in kg given when the product is created reaches its
        variant (Odoo's create forgets it: the variant does not exist yet
        when the template's inverse runs)."""
        return [
            *super()._get_related_fields_variant_template(),
            "base_unit_count",
            "base_unit_id",
        ]

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        templates._check_coop_sold_by_weight()
        return templates

    def write(self, vals):
        res = super().write(vals)
        if {"coop_sold_by_weight", "base_unit_count", "base_unit_id"} & set(vals):
            self._check_coop_sold_by_weight()
        return res

    def _check_coop_sold_by_weight(self):
        """Checked after create and write, not as a constraint: the content
        in kg lives on the variants, written after the template."""
        kg = self.env.ref(
            "coop_marketplace.website_base_unit_kg", raise_if_not_found=False
        )
        # Created from a variant's form, the template has no variant yet.
        for template in self.filtered(
            lambda t: t.coop_sold_by_weight and t.product_variant_ids
        ):
            if template.base_unit_count <= 0 or template.base_unit_id != kg:
                raise ValidationError(
                    self.env._(
                        "%(product)s is sold by weight: give its estimated"
                        " weight per piece in kg (“Base Unit Count”, unit kg).",
                        product=template.display_name,
                    )
                )

    coop_standing_ok = fields.Boolean(
        string="Offered as a standing basket",
        help="Members subscribe to it from their account (“My standing"
        " baskets”): each cycle offering it then makes their order.",
    )
    coop_standing_max = fields.Integer(
        string="Standing baskets at most",
        help="Taken as a standing basket (a subscription for the season) by"
        " this many members at most (what the farm can grow); 0: no limit.",
    )
