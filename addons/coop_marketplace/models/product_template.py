# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


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
