# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.http import request, route
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal

ACTIONS = ("absent", "swap", "unswap", "take")


class CoopShiftPortal(CustomerPortal):
    """ "Mes créneaux": the member's shifts in the website's coop.

    Members have no access rights on the shift models: each route finds her
    own participation (or her household's) from her login, reads with sudo
    within it, and acts through the models' methods, which check what she
    may do. Nothing is taken from the browser but the shift or place
    chosen, checked against what the page offers her."""

    def _coop_shift_participation(self):
        partner = request.env.user.partner_id
        company = request.env.company
        Participation = request.env["coop.shift.participation"]
        return Participation._coop_of_partners(partner, company).get(
            partner, Participation.sudo()
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_shift_count" in counters:
            participation = self._coop_shift_participation()
            values["coop_shift_count"] = len(
                self._coop_next_registrations(participation)
            )
        return values

    def _coop_next_registrations(self, participation):
        return participation.registration_ids.filtered(
            lambda r: r.state == "open" and r.shift_start > fields.Datetime.now()
        ).sorted("shift_start")

    def _coop_offered_swaps(self, participation):
        """Places others offer in the weeks ahead, in her coop."""
        # sudo: other members' offered places show as a shift, never a name.
        return (
            request.env["coop.shift.registration"]
            .sudo()
            .search(
                [
                    ("company_id", "=", participation.company_id.id),
                    ("swap_offered", "=", True),
                    ("state", "=", "open"),
                    ("shift_start", ">", fields.Datetime.now()),
                    ("participation_id", "!=", participation.id),
                ],
                order="shift_start",
                limit=20,
            )
        )

    def _coop_makeup_shifts(self, participation):
        """Shifts of the next four weeks where help is needed and she is not
        registered."""
        now = fields.Datetime.now()
        # sudo: the coop's planned shifts, shown by date and work only.
        shifts = (
            request.env["coop.shift"]
            .sudo()
            .search(
                [
                    ("company_id", "=", participation.company_id.id),
                    ("state", "=", "open"),
                    ("coverage", "=", "short"),
                    ("start", ">", now),
                    ("start", "<", now + timedelta(weeks=4)),
                ],
                order="start",
                limit=30,
            )
        )
        mine = participation.registration_ids.shift_id
        return shifts - mine

    @route("/my/shifts", type="http", auth="user", website=True)
    def portal_my_shifts(self, **kw):
        participation = self._coop_shift_participation()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_shifts",
                "participation": participation,
                "next_registrations": self._coop_next_registrations(participation)
                if participation
                else [],
                "offered_swaps": self._coop_offered_swaps(participation)
                if participation
                else [],
                "makeup_shifts": self._coop_makeup_shifts(participation)
                if participation
                else [],
                "explanation": participation._coop_state_explanation()
                if participation
                else "",
                "message": request.session.pop("coop_shift_message", False),
                "ics_url": participation
                and "/my/shifts/calendar.ics?access_token="
                + participation._portal_ensure_token(),
            }
        )
        return request.render("coop_shift.portal_my_shifts", values)

    def _coop_run(self, action, success):
        try:
            action()
            request.session["coop_shift_message"] = ("success", success)
        except UserError as exc:
            request.session["coop_shift_message"] = ("danger", exc.args[0])
        return request.redirect("/my/shifts")

    @route(
        "/my/shifts/<int:registration_id>/<string:action>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_shift_action(self, registration_id, action, **kw):
        participation = self._coop_shift_participation()
        if action not in ACTIONS or not participation:
            raise request.not_found()
        partner = request.env.user.partner_id
        if action == "take":
            registration = self._coop_offered_swaps(participation).filtered(
                lambda r: r.id == registration_id
            )
            if not registration:
                raise request.not_found()
            return self._coop_run(
                lambda: registration._coop_take_swap(participation, partner),
                request.env._("You take this shift: thank you!"),
            )
        registration = self._coop_next_registrations(participation).filtered(
            lambda r: r.id == registration_id
        )
        if not registration:
            raise request.not_found()
        if action == "absent":
            return self._coop_run(
                registration._coop_announce_absence,
                request.env._(
                    "Your absence is recorded: book a make-up shift to catch up."
                ),
            )
        return self._coop_run(
            lambda: registration._coop_offer_swap(action == "swap"),
            request.env._("Your place is offered to the other members.")
            if action == "swap"
            else request.env._("You keep your place."),
        )

    @route(
        "/my/shifts/join/<int:shift_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_shift_join(self, shift_id, **kw):
        participation = self._coop_shift_participation()
        if not participation:
            raise request.not_found()
        shift = self._coop_makeup_shifts(participation).filtered(
            lambda s: s.id == shift_id
        )
        if not shift:
            raise request.not_found()
        Registration = request.env["coop.shift.registration"].sudo()
        return self._coop_run(
            lambda: Registration._coop_sign_up(
                shift, participation, request.env.user.partner_id
            ),
            request.env._("You are registered: see you there!"),
        )

    @route("/my/shifts/calendar.ics", type="http", auth="public", methods=["GET"])
    def portal_my_shifts_ics(self, access_token=None, **kw):
        """Her shifts for her calendar application, by the link on her page
        (the participation's token: no login from a calendar app)."""
        if not access_token:
            raise request.not_found()
        # sudo: found by its secret token alone, compared in constant time.
        participation = (
            request.env["coop.shift.participation"]
            .sudo()
            .search([("access_token", "=", access_token)], limit=1)
        )
        if not participation or not consteq(participation.access_token, access_token):
            raise request.not_found()
        return request.make_response(
            participation._coop_ics(),
            headers=[
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", 'attachment; filename="creneaux.ics"'),
            ],
        )
