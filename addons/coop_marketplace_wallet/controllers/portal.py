# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request, route

from odoo.addons.coop_marketplace.controllers.portal import CoopCustomerPortal


class CoopWalletStandingPortal(CoopCustomerPortal):
    @route()
    def portal_my_standing_action(self, standing_id, action, **kw):
        """Pay one's own standing basket with the prepaid account, or at
        pickup again (another member's basket is not found)."""
        if action not in ("wallet_on", "wallet_off"):
            return super().portal_my_standing_action(standing_id, action, **kw)
        standing = self._coop_own_standing().filtered(lambda s: s.id == standing_id)
        if not standing:
            raise request.not_found()
        standing._action_member_pay_with_wallet(action == "wallet_on")
        request.session["coop_standing_message"] = (
            "success",
            request.env._(
                "From the next cycle, your basket is paid with your prepaid"
                " account (what it doesn't cover, at pickup)."
            )
            if action == "wallet_on"
            else request.env._("From the next cycle, your basket is paid at pickup."),
        )
        return request.redirect("/my/standing")
