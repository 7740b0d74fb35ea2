# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.http import request, route

from odoo.addons.coop_marketplace.controllers.portal import CoopCustomerPortal


class CoopDirectDebitStandingPortal(CoopCustomerPortal):
    @route()
    def portal_my_standing(self, **kw):
        """The page offers direct debit on the baskets of a coop where the
        member has a valid mandate."""
        response = super().portal_my_standing(**kw)
        partner = request.env.user.partner_id
        Standing = request.env["coop.standing.order"]
        response.qcontext["standing_valid_mandates"] = {
            company.id: Standing._valid_mandate_of(partner, company)
            for company in response.qcontext["standing_orders"].company_id
        }
        return response

    @route()
    def portal_my_standing_action(self, standing_id, action, **kw):
        """Pay one's own standing basket monthly by direct debit under one's
        own valid mandate, or at pickup again (another member's basket is
        not found)."""
        if action not in ("direct_debit_on", "direct_debit_off"):
            return super().portal_my_standing_action(standing_id, action, **kw)
        standing = self._coop_own_standing().filtered(lambda s: s.id == standing_id)
        if not standing:
            raise request.not_found()
        try:
            mandate = standing._action_member_pay_by_direct_debit(
                action == "direct_debit_on"
            )
            request.session["coop_standing_message"] = (
                "success",
                request.env._(
                    "Your basket is paid by direct debit (mandate %(mandate)s),"
                    " from this cycle's order if it is not paid yet.",
                    mandate=mandate.unique_mandate_reference,
                )
                if mandate
                else request.env._(
                    "Your basket is paid at pickup, from this cycle's order if"
                    " it is not handed over yet."
                ),
            )
        except UserError as exc:
            request.session["coop_standing_message"] = ("danger", exc.args[0])
        return request.redirect("/my/standing")
