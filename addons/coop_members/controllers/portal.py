# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class CoopMembersPortal(CustomerPortal):
    """The member's own membership page and certificate.

    The routes take no partner id: a member only ever reaches their own data
    (nothing to guess, no IDOR), and record rules confine the register to it.
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_share_count" in counters:
            values["coop_share_count"] = (
                request.env.user.partner_id.coop_share_count or 0
            )
        return values

    def _coop_membership_values(self):
        partner = request.env.user.partner_id
        movements = request.env["coop.share.movement"].search(
            [("partner_id", "=", partner.id), ("state", "=", "confirmed")],
            order="date, name",
        )
        holdings = request.env["res.partner"]._coop_holdings_by_class(partner)
        return {
            "page_name": "coop_membership",
            "partner": partner,
            "movements": movements,
            "holdings": sorted(
                (
                    (share_class, quantity)
                    for share_class, quantity in holdings.get(partner.id, {}).items()
                    if quantity
                ),
                key=lambda item: (item[0].sequence, item[0].code),
            ),
            "state_label": partner._coop_state_label(partner.coop_member_state),
        }

    @http.route("/my/membership", type="http", auth="user", website=True)
    def portal_my_membership(self, **kw):
        return request.render(
            "coop_members.portal_my_membership", self._coop_membership_values()
        )

    @http.route("/my/membership/certificate", type="http", auth="user", website=True)
    def portal_my_membership_certificate(self, **kw):
        partner = request.env.user.partner_id
        if not partner.coop_share_count:
            return request.redirect("/my/membership")
        # sudo: portal users can't read report actions; the document is the
        # logged-in member's own certificate (no id comes from the browser).
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "coop_members.action_report_share_certificate", partner.ids
            )
        )
        filename = f"certificat-parts-{partner.coop_member_number or partner.id}.pdf"
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", f'attachment; filename="{filename}"'),
            ],
        )
