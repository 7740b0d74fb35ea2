# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.http import request, route
from odoo.tools import format_amount

from odoo.addons.portal.controllers.portal import CustomerPortal


class CoopWalletPortal(CustomerPortal):
    def _coop_wallet(self):
        """(program, card) of the logged-in member in the current company.
        sudo: members have no right on loyalty programs and cards; the card
        read is their own."""
        partner = request.env.user.partner_id
        program = request.env["loyalty.program"].sudo()._coop_wallet_program()
        card = program._coop_card_of(partner) if program else program.coupon_ids
        return program, card

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        program, card = self._coop_wallet()
        if "coop_wallet_balance" in counters:
            # The entry shows when the coop has a prepaid account.
            values["coop_wallet_balance"] = 1 if program else 0
        if not counters and program:
            # The home page itself: the balance on the entry.
            values["coop_wallet_balance_text"] = format_amount(
                request.env, card.points, program.currency_id
            )
        return values

    @route("/my/wallet", type="http", auth="user", website=True, readonly=True)
    def portal_my_wallet(self, **kw):
        program, card = self._coop_wallet()
        earlier, history = card._coop_statement() if card else (0.0, card)
        values = {
            "page_name": "coop_wallet",
            "wallet_program": program,
            "wallet_card": card,
            "wallet_history": history,
            "wallet_earlier": earlier,
            "wallet_top_ups": program.rule_ids.product_ids.sorted("lst_price"),
            "wallet_message": request.session.pop("coop_wallet_message", None),
        }
        return request.render("coop_wallet.portal_my_wallet", values)

    @route(
        "/my/wallet/top_up", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_my_wallet_top_up(self, product_id=None, donation=0, **kw):
        program, _card = self._coop_wallet()
        try:
            order = program._coop_top_up_order(
                request.env.user.partner_id,
                int(product_id or 0),
                int(donation or 0),
            )
        except (UserError, ValueError) as error:
            request.session["coop_wallet_message"] = str(
                error
                if isinstance(error, UserError)
                else request.env._("Choose an amount to top up.")
            )
            return request.redirect("/my/wallet")
        return request.redirect(order.get_portal_url())
