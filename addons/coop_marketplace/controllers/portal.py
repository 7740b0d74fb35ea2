# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal


class CoopCustomerPortal(CustomerPortal):
    @route(
        "/my/orders/<int:order_id>/coop_slot",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_order_coop_slot(self, order_id, slot_id=None, access_token=None, **kw):
        """Change the pickup slot of one's own order while its cycle is open
        (ownership checked by the portal's access check)."""
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            order_sudo._coop_set_pickup_slot(
                order_sudo._coop_slot_from_request(slot_id)
            )
            message = ("success", request.env._("Your pickup slot is changed."))
        except (UserError, ValidationError) as exc:
            message = ("danger", exc.args[0])
        # Shown once on the order's page (kept in the session, not in the
        # URL, where anyone could write a message of their own).
        request.session["coop_slot_message"] = message
        return request.redirect(order_sudo.get_portal_url())

    def _get_page_view_values(
        self, document, access_token, values, session_history, no_breadcrumbs, **kwargs
    ):
        values = super()._get_page_view_values(
            document, access_token, values, session_history, no_breadcrumbs, **kwargs
        )
        if document._name == "sale.order":
            values["coop_slot_message"] = request.session.pop("coop_slot_message", None)
        return values
