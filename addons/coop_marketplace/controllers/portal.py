# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request, route
from odoo.tools import format_amount

from odoo.addons.portal.controllers.portal import CustomerPortal


class CoopCustomerPortal(CustomerPortal):
    def _prepare_orders_domain(self, partner):
        """A cycle's cancelled order stays in the member's orders, with its
        state (Odoo lists it with the quotations, which a member has not)."""
        domain = []
        for leaf in super()._prepare_orders_domain(partner):
            if leaf == ("state", "=", "sale"):
                domain += [
                    "|",
                    ("state", "=", "sale"),
                    "&",
                    ("state", "=", "cancel"),
                    ("coop_cycle_id", "!=", False),
                ]
            else:
                domain.append(leaf)
        return domain

    def _coop_order_change(self, order_id, access_token, change):
        """Run ``change(order_sudo)`` on one's own order (the portal's access
        check: the owner, or the order's link), and show its message once on
        the order's page: its own (level, text), or the error's."""
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            message = change(order_sudo)
        except (UserError, ValidationError) as exc:
            message = ("danger", exc.args[0])
        # Kept in the session, not in the URL, where anyone could write a
        # message of their own.
        request.session["coop_slot_message"] = message
        return request.redirect(order_sudo.get_portal_url())

    @route(
        "/my/orders/<int:order_id>/coop_slot",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_order_coop_slot(self, order_id, slot_id=None, access_token=None, **kw):
        """Change the pickup slot of one's own order while its cycle is open,
        at its point or another one."""

        def change(order_sudo):
            order_sudo._coop_change_pickup(
                order_sudo._coop_slot_from_request(slot_id, all_points=True)
            )
            return ("success", request.env._("Your pickup slot is changed."))

        return self._coop_order_change(order_id, access_token, change)

    @route(
        "/my/orders/<int:order_id>/coop_edit",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_order_coop_edit(self, order_id, access_token=None, **kw):
        """Change the quantities of one's own order, or add a product of its
        cycle, until the close (``qty_<line id>``, ``add_product_id``,
        ``add_qty``). Prices and availability are the server's."""

        def change(order_sudo):
            quantities, additions = self._coop_edit_request(order_sudo, kw)
            if not order_sudo._coop_member_edit(quantities, additions):
                return ("info", request.env._("Nothing changed."))
            return ("success", self._coop_edit_done_message(order_sudo))

        return self._coop_order_change(order_id, access_token, change)

    @route(
        "/my/orders/<int:order_id>/coop_cancel",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_order_coop_cancel(self, order_id, access_token=None, **kw):
        """Cancel one's own order until the close."""

        def change(order_sudo):
            order_sudo._coop_member_cancel()
            if order_sudo.coop_refund_ids.filtered(lambda r: r.reason == "cancel"):
                return (
                    "success",
                    request.env._(
                        "Your order is cancelled: what you paid online is refunded."
                    ),
                )
            return ("success", request.env._("Your order is cancelled."))

        return self._coop_order_change(order_id, access_token, change)

    def _coop_edit_request(self, order_sudo, kw):
        """The quantities and the product added, read from the form: only
        the order's own lines; anything else is refused."""
        lines = order_sudo._coop_goods_lines()
        quantities = {}
        for key, value in kw.items():
            if not key.startswith("qty_"):
                continue
            line = lines.filtered(lambda line, key=key: str(line.id) == key[4:])
            if not line:
                raise UserError(request.env._("This line is not part of the order."))
            quantities[line] = self._coop_quantity(value)
        additions = {}
        if kw.get("add_product_id"):
            try:
                product_id = int(kw["add_product_id"])
            except ValueError as exc:
                raise UserError(request.env._("Unknown product.")) from exc
            product = request.env["product.product"].sudo().browse(product_id).exists()
            if not product:
                raise UserError(request.env._("Unknown product."))
            additions[product] = self._coop_quantity(kw.get("add_qty") or "1")
        return quantities, additions

    def _coop_quantity(self, value):
        try:
            quantity = float(str(value).replace(",", "."))
        except ValueError as exc:
            raise UserError(
                request.env._("%(value)s is not a quantity.", value=value)
            ) from exc
        if quantity < 0 or quantity > 1000:
            raise UserError(request.env._("%(value)s is not a quantity.", value=value))
        return quantity

    def _coop_edit_done_message(self, order_sudo):
        if order_sudo.coop_amount_due:
            return request.env._(
                "Your order is changed. Left to pay: %(amount)s, with the"
                " payment button of this page.",
                amount=format_amount(
                    request.env, order_sudo.coop_amount_due, order_sudo.currency_id
                ),
            )
        if order_sudo.coop_refund_ids.filtered(
            lambda r: r.reason == "edit" and r.state == "pending"
        ):
            return request.env._(
                "Your order is changed: the difference you paid is refunded."
            )
        return request.env._("Your order is changed.")

    # --- Standing baskets: the member's own, paused or resumed ---

    def _coop_own_standing(self):
        """The logged-in member's standing baskets. sudo: members have no
        right on the model; the domain is their own partner, and nothing
        else is read."""
        partner = request.env.user.partner_id.commercial_partner_id
        return (
            request.env["coop.standing.order"]
            .sudo()
            .search([("partner_id", "child_of", partner.id)])
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_standing_count" in counters:
            values["coop_standing_count"] = len(
                self._coop_own_standing().filtered(lambda s: s.state != "ended")
            )
        return values

    # Read/write: the page's links give the orders their portal token,
    # written on first display.
    @route("/my/standing", type="http", auth="user", website=True)
    def portal_my_standing(self, **kw):
        values = {
            "page_name": "coop_standing",
            "standing_orders": self._coop_own_standing(),
            "coop_standing_message": request.session.pop("coop_standing_message", None),
            **self._coop_standing_offer_values(),
        }
        return request.render("coop_marketplace.portal_my_standing", values)

    def _coop_standing_offer_values(self):
        """The baskets offered by subscription on this coop's shop, their
        price this cycle at the member's prices (taxes included) and the
        slots of the week to collect them. sudo: members read the offer
        and the coop's points, as the shop shows them."""
        company = request.website.company_id
        Standing = request.env["coop.standing.order"].sudo().with_company(company)
        offers = Standing._member_offers(company)
        partner = request.env.user.partner_id
        pricelist = partner.property_product_pricelist
        products = (
            request.env["product.product"]
            .sudo()
            .browse([product.id for product, _left in offers])
        )
        prices = products._coop_prices_incl(pricelist, company, partner)
        slot_templates = (
            request.env["coop.slot.template"]
            .sudo()
            .search(
                [
                    ("point_id.company_id", "=", company.id),
                    ("point_id.active", "=", True),
                    ("kind", "=", "pickup"),
                ]
            )
        )
        return {
            "standing_offers": offers,
            "standing_prices": prices,
            "standing_currency": pricelist.currency_id or company.currency_id,
            "standing_slot_templates": slot_templates,
        }

    @route(
        "/my/standing/subscribe",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_standing_subscribe(
        self, product_id=None, slot_template_id=None, date_end=None, **kw
    ):
        """Take a basket by subscription, for oneself only (the partner is
        the logged-in member's, never a parameter)."""
        try:
            product = request.env["product.product"].sudo().browse(int(product_id))
            template = (
                request.env["coop.slot.template"].sudo().browse(int(slot_template_id))
            )
            end = fields.Date.to_date(date_end) if date_end else False
        except (TypeError, ValueError):
            raise request.not_found() from None
        if not product.exists() or not template.exists():
            raise request.not_found()
        partner = request.env.user.partner_id.commercial_partner_id
        company = request.website.company_id
        try:
            # sudo: members have no right on subscriptions; the model's
            # method checks the basket, the point and the places.
            standing, orders = (
                request.env["coop.standing.order"]
                .sudo()
                .with_company(company)
                ._member_subscribe(partner, product, template, end)
            )
            if orders:
                message = request.env._(
                    "You take %(basket)s: your order of this cycle is %(order)s.",
                    basket=standing.product_id.name,
                    order=orders[:1].name,
                )
            else:
                message = request.env._(
                    "You take %(basket)s: the next cycle offering it makes your order.",
                    basket=standing.product_id.name,
                )
            request.session["coop_standing_message"] = ("success", message)
        except (UserError, ValidationError) as exc:
            request.session["coop_standing_message"] = ("danger", exc.args[0])
        return request.redirect("/my/standing")

    @route(
        "/my/standing/<int:standing_id>/<string:action>",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_standing_action(self, standing_id, action, **kw):
        """Pause or resume one's own standing basket (another member's, or
        anything else, is not found)."""
        standing = self._coop_own_standing().filtered(lambda s: s.id == standing_id)
        if not standing or action not in ("pause", "resume"):
            raise request.not_found()
        try:
            if action == "pause":
                standing._action_member_pause()
                message = request.env._(
                    "Your basket is paused: no order from the next cycle on."
                )
            else:
                standing._action_member_resume()
                message = request.env._(
                    "Your basket is back: the next cycles make your order."
                )
            request.session["coop_standing_message"] = ("success", message)
        except (UserError, ValidationError) as exc:
            request.session["coop_standing_message"] = ("danger", exc.args[0])
        return request.redirect("/my/standing")

    def _get_page_view_values(
        self, document, access_token, values, session_history, no_breadcrumbs, **kwargs
    ):
        values = super()._get_page_view_values(
            document, access_token, values, session_history, no_breadcrumbs, **kwargs
        )
        if document._name == "sale.order":
            values["coop_slot_message"] = request.session.pop("coop_slot_message", None)
        return values
