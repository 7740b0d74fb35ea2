# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal


class CoopCourierPortal(CustomerPortal):
    """The courier's phone screen: their rounds (the record rule shows
    them no other), the stops in order, "Livré" and "Absent"."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_round_count" in counters:
            values["coop_round_count"] = (
                len(self._coop_my_rounds()) if self._coop_is_courier() else 0
            )
        return values

    @staticmethod
    def _coop_is_courier():
        return request.env.user.has_group("coop_bike_delivery.group_coop_courier")

    @staticmethod
    def _coop_my_rounds():
        """The rounds still to ride, as the courier reads them (the record
        rule confines them to their own)."""
        return (
            request.env["stock.picking.batch"]
            .search(
                [
                    ("coop_is_round", "=", True),
                    ("user_id", "=", request.env.user.id),
                    ("state", "not in", ("done", "cancel")),
                ],
                order="scheduled_date, id",
            )
            .filtered(lambda batch: batch.coop_round_state != "done")
        )

    def _coop_round(self, batch_id):
        if not self._coop_is_courier() and not request.env.user.has_group(
            "stock.group_stock_user"
        ):
            raise request.not_found()
        batch = request.env["stock.picking.batch"].browse(batch_id)
        try:
            batch._coop_check_rider()
        except (AccessError, MissingError, UserError):
            raise request.not_found() from None
        return batch

    @route("/my/rounds", type="http", auth="user", website=True, readonly=True)
    def portal_my_rounds(self, **kw):
        if not self._coop_is_courier():
            raise request.not_found()
        rounds = self._coop_my_rounds()
        today = fields.Date.context_today(request.env.user)
        values = {
            "page_name": "coop_rounds",
            "today_rounds": rounds.filtered(
                lambda b: fields.Date.context_today(b, b.scheduled_date) <= today
            ),
            "later_rounds": rounds.filtered(
                lambda b: fields.Date.context_today(b, b.scheduled_date) > today
            ),
        }
        return request.render("coop_bike_delivery.portal_my_rounds", values)

    @route(
        "/my/rounds/<int:batch_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_round(self, batch_id, **kw):
        batch = self._coop_round(batch_id)
        values = {
            "page_name": "coop_round",
            "batch": batch,
            "stops": batch._coop_round_stops(),
            "coop_round_message": request.session.pop("coop_round_message", None),
        }
        return request.render("coop_bike_delivery.portal_my_round", values)

    @route(
        [
            "/my/rounds/<int:batch_id>/depart",
            "/my/rounds/<int:batch_id>/stop/<int:picking_id>/<string:action>",
        ],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_round_action(self, batch_id, picking_id=None, action=None, **post):
        batch = self._coop_round(batch_id)
        try:
            with request.env.cr.savepoint():
                message = self._coop_round_action(batch, picking_id, action, post)
        except UserError as exc:
            message = ("danger", exc.args[0])
        request.session["coop_round_message"] = message
        return request.redirect(f"/my/rounds/{batch.id}")

    @staticmethod
    def _coop_round_action(batch, picking_id, action, post):
        if picking_id is None:
            batch.action_coop_depart()
            return ("success", request.env._("Good ride! The members are told."))
        if action == "delivered":
            batch.action_coop_stop_delivered(picking_id)
            return ("success", request.env._("Delivered."))
        if action == "missed":
            batch.action_coop_stop_missed(picking_id, post.get("reason"))
            return (
                "info",
                request.env._(
                    "Noted: bring the order back to the hub; the member is told."
                ),
            )
        raise request.not_found()

    @route(
        "/coop_bike/round/<int:batch_id>/export.<string:kind>",
        type="http",
        auth="user",
        readonly=True,
    )
    def coop_round_export(self, batch_id, kind, **kw):
        """The round for a courier cooperative's dispatch tool."""
        batch = self._coop_round(batch_id)
        if kind == "csv":
            content, mimetype = batch._coop_export_csv(), "text/csv;charset=utf-8"
        elif kind == "geojson":
            content, mimetype = batch._coop_export_geojson(), "application/geo+json"
        else:
            raise request.not_found()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                (
                    "Content-Disposition",
                    f'attachment; filename="{batch.name.replace("/", "-")}.{kind}"',
                ),
            ],
        )
