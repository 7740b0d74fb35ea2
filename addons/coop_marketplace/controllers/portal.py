# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.urls import url_encode

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
        query = {}
        try:
            order_sudo._coop_set_pickup_slot(
                order_sudo._coop_slot_from_request(slot_id)
            )
            query["coop_slot"] = "changed"
        except (UserError, ValidationError) as exc:
            query["coop_slot_error"] = exc.args[0]
        return request.redirect(
            order_sudo.get_portal_url(query_string="&" + url_encode(query))
        )
