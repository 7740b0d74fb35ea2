# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.http import request, route

from odoo.addons.website_sale.controllers.main import WebsiteSale


class CoopWebsiteSale(WebsiteSale):
    """Checkout with a coop pickup point: after the point (Odoo's location
    selector), the member picks a time slot, before paying."""

    # --- Shop: read-only, filter by producer (``/shop?producer=<id>``) ---

    def _coop_shop_readonly(self):
        """The shop's listing only reads (the cart is not created before a
        product is added; the cycle and the pricelist live in the session),
        so it is served from a read-only cursor: from the PostgreSQL replica
        when ``db_replica_*`` is set. Odoo 18 declares ``/shop`` read/write;
        an override may only change that through a callable."""
        return True

    @route(readonly=_coop_shop_readonly)
    def shop(self, *args, **kwargs):
        return super().shop(*args, **kwargs)

    @staticmethod
    def _coop_producer_id(value):
        """The producer id of the URL, or None (garbage is ignored, like the
        shop's other filters)."""
        try:
            producer_id = int(value or 0)
        except (TypeError, ValueError):
            return None
        return producer_id if producer_id > 0 else None

    def _get_search_options(self, *args, **post):
        options = super()._get_search_options(*args, **post)
        if producer_id := self._coop_producer_id(post.get("producer")):
            options["coop_producer_id"] = producer_id
        return options

    def _shop_get_query_url_kwargs(self, *args, **post):
        kwargs = super()._shop_get_query_url_kwargs(*args, **post)
        kwargs["producer"] = self._coop_producer_id(post.get("producer"))
        return kwargs

    def _get_additional_extra_shop_values(self, values, **post):
        values = super()._get_additional_extra_shop_values(values, **post)
        if request.website.coop_cycle_shop:
            producers = request.website._coop_shop_producers()
            producer_id = self._coop_producer_id(post.get("producer"))
            values["coop_producers"] = producers
            values["coop_producer"] = next(
                (p for p in producers if p[0] == producer_id), None
            )
        return values

    def _check_cart(self, order_sudo):
        """Below the cycle's minimum basket, back to the cart (which says
        what is missing) before any checkout step."""
        if redirection := super()._check_cart(order_sudo):
            return redirection
        if order_sudo._coop_basket_minimum_message():
            return request.redirect("/shop/cart")
        return None

    def _prepare_checkout_page_values(self, order_sudo, **kwargs):
        values = super()._prepare_checkout_page_values(order_sudo, **kwargs)
        values["delivery_addresses"] = order_sudo._coop_delivery_addresses(
            values["delivery_addresses"]
        )
        return values

    def _check_shipping_method(self, order_sudo):
        if redirection := super()._check_shipping_method(order_sudo):
            return redirection
        if order_sudo.carrier_id._coop_needs_point() and not order_sudo.coop_point_id:
            return request.redirect("/shop/checkout")
        if order_sudo._coop_needs_slot() and not order_sudo.coop_slot_id:
            return request.redirect("/shop/coop_slot")
        return None

    @route(
        "/shop/cycle/<int:cycle_id>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        readonly=True,  # the choice is kept in the session, not the database
    )
    def shop_coop_cycle(self, cycle_id, **post):
        """Choose the cycle the shop shows, among those the website sells
        now (several may be open at once); anything else is not found."""
        website = request.website
        if (
            not website.coop_cycle_shop
            or cycle_id not in website._coop_open_cycles().ids
        ):
            raise request.not_found()
        request.session["coop_cycle_id"] = cycle_id
        return request.redirect("/shop")

    @route(
        "/shop/coop_slot",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET", "POST"],
    )
    def shop_coop_slot(self, slot_id=None, **post):
        """GET: the slots of the chosen point in the cart's cycle; POST: book
        one (checked again on the server: point, cycle, capacity)."""
        order_sudo = request.website.sale_get_order()
        if redirection := self._check_cart_and_addresses(order_sudo):
            return redirection
        if not order_sudo._coop_needs_slot():
            return request.redirect("/shop/confirm_order")
        if order_sudo.carrier_id._coop_needs_point() and not order_sudo.coop_point_id:
            return request.redirect("/shop/checkout")
        error = None
        if request.httprequest.method == "POST":
            try:
                slot = order_sudo._coop_slot_from_request(slot_id)
                order_sudo._coop_set_pickup_slot(slot)
                self._coop_slot_step_post(order_sudo, **post)
            except (UserError, ValidationError) as exc:
                error = exc.args[0]
            else:
                return request.redirect("/shop/confirm_order")
        values = {
            "website_sale_order": order_sudo,
            "order": order_sudo,
            "slots": order_sudo._coop_bookable_slots(),
            "error": error,
        }
        return request.render("coop_marketplace.checkout_pickup_slot", values)

    def _coop_slot_step_post(self, order_sudo, **post):
        """What else the slot step's form sends (delivery instructions…):
        nothing here."""
