# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.website_sale.controllers.main import WebsiteSale


class CoopProductInfoShop(WebsiteSale):
    """The shop's "without ..." filter (``/shop?sans=<allergen id>``)."""

    @staticmethod
    def _coop_allergen_id(value):
        """The allergen id of the URL, or None (garbage is ignored, like the
        shop's other filters)."""
        try:
            allergen_id = int(value or 0)
        except (TypeError, ValueError):
            return None
        return allergen_id if allergen_id > 0 else None

    def _get_search_options(self, *args, **post):
        options = super()._get_search_options(*args, **post)
        if allergen_id := self._coop_allergen_id(post.get("sans")):
            options["coop_without_allergen_id"] = allergen_id
        return options

    def _shop_get_query_url_kwargs(self, *args, **post):
        kwargs = super()._shop_get_query_url_kwargs(*args, **post)
        kwargs["sans"] = self._coop_allergen_id(post.get("sans"))
        return kwargs

    def _get_additional_extra_shop_values(self, values, **post):
        values = super()._get_additional_extra_shop_values(values, **post)
        allergens = request.env["allergen.allergen"].search([])
        values["coop_allergens"] = allergens
        values["coop_without_allergen"] = allergens.filtered(
            lambda a: a.id == self._coop_allergen_id(post.get("sans"))
        )
        return values
