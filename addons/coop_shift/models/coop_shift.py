# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from .coop_shift_template import KINDS

# Registrations that hold a place on the shift.
HOLDING = ("open", "attended")


class CoopShift(models.Model):
    _name = "coop.shift"
    _description = "Volunteer shift"
    _order = "start, id"
    _check_company_auto = True

    # Computed at each read: in the reader's language.
    name = fields.Char(compute="_compute_name")
    color = fields.Integer(compute="_compute_color")
    is_today = fields.Boolean(
        string="Today", compute="_compute_is_today", search="_search_is_today"
    )
    template_id = fields.Many2one(
        "coop.shift.template", index=True, ondelete="set null"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    start = fields.Datetime(required=True, index=True)
    stop = fields.Datetime(required=True)
    kind = fields.Selection(KINDS, string="Work", required=True, default="till")
    place = fields.Char()
    seats = fields.Integer(string="Volunteers needed", required=True, default=3)
    leader_id = fields.Many2one("res.partner", string="Team leader")
    registration_ids = fields.One2many("coop.shift.registration", "shift_id")
    seats_taken = fields.Integer(
        string="Registered", compute="_compute_coverage", store=True
    )
    seats_missing = fields.Integer(
        string="Volunteers missing", compute="_compute_coverage", store=True
    )
    coverage = fields.Selection(
        [("full", "Full"), ("short", "Short")],
        compute="_compute_coverage",
        store=True,
    )
    state = fields.Selection(
        [("open", "Planned"), ("done", "Attendance recorded"), ("cancel", "Cancelled")],
        default="open",
        required=True,
        index=True,
    )

    _sql_constraints = [
        ("stop_after_start", "CHECK(stop > start)", "A shift ends after it starts."),
    ]

    @api.depends("kind", "seats_taken", "seats")
    @api.depends_context("lang")
    def _compute_name(self):
        """What the planning shows on each shift: its work and its places
        ("Caisse · 2/3")."""
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for shift in self:
            shift.name = (
                f"{kinds.get(shift.kind, '')} · {shift.seats_taken}/{shift.seats}"
            )

    def _coop_today_bounds(self):
        """Today in the coop's time zone, as UTC datetimes [start, end)."""
        tz = pytz.timezone(self.env.company.partner_id.tz or "Europe/Paris")
        local_today = datetime.now(tz).date()
        start = tz.localize(datetime.combine(local_today, time()))
        end = tz.localize(datetime.combine(local_today + timedelta(days=1), time()))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _compute_is_today(self):
        start, end = self._coop_today_bounds()
        for shift in self:
            shift.is_today = bool(shift.start) and start <= shift.start < end

    def _search_is_today(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on today's shifts."))
        start, end = self._coop_today_bounds()
        domain = ["&", ("start", ">=", start), ("start", "<", end)]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("coverage")
    def _compute_color(self):
        for shift in self:
            # Odoo's colour indexes: red short, green full.
            shift.color = 1 if shift.coverage == "short" else 10

    @api.depends("seats", "registration_ids.state")
    def _compute_coverage(self):
        taken_by_shift = dict(
            self.env["coop.shift.registration"]._read_group(
                [("shift_id", "in", self.ids), ("state", "in", HOLDING)],
                ["shift_id"],
                ["__count"],
            )
        )
        for shift in self:
            taken = (
                taken_by_shift.get(shift, 0)
                if shift.id
                else len(shift.registration_ids.filtered(lambda r: r.state in HOLDING))
            )
            shift.seats_taken = taken
            shift.seats_missing = max(shift.seats - taken, 0)
            shift.coverage = "full" if taken >= shift.seats else "short"

    def _coop_register_regulars(self):
        """Register each template's regular members on these shifts, except
        who is on leave or exempt that day or no longer takes part."""
        Participation = self.env["coop.shift.participation"]
        participations = Participation.search(
            [("template_id", "in", self.template_id.ids), ("kind", "=", "regular")]
        )
        leaves = participations.leave_ids
        values = []
        for shift in self:
            day = shift.start.date()
            for participation in participations.filtered(
                lambda p, shift=shift: p.template_id == shift.template_id
            ):
                if any(
                    leave.date_start <= day <= leave.date_end
                    for leave in leaves
                    if leave.participation_id == participation
                ):
                    continue
                values.append(
                    {
                        "shift_id": shift.id,
                        "participation_id": participation.id,
                        "partner_id": participation.partner_id.id,
                        "origin": "regular",
                    }
                )
        return self.env["coop.shift.registration"].create(values)

    # === Attendance === #

    def action_close_attendance(self):
        """The team leader's end of the shift: whoever is not checked in is
        absent (without notice); the shift's attendance is recorded."""
        for shift in self:
            if shift.state != "open":
                raise UserError(
                    self.env._("This shift's attendance is already recorded.")
                )
            if shift.start > fields.Datetime.now():
                raise UserError(self.env._("The shift has not started yet."))
        self.registration_ids.filtered(lambda r: r.state == "open").action_absent()
        self.state = "done"
        return True

    @api.model
    def _cron_close_past_shifts(self):
        """Shifts ended a day ago whose attendance nobody recorded: the
        unchecked are absent."""
        shifts = self.search(
            [
                ("state", "=", "open"),
                ("stop", "<", fields.Datetime.now() - timedelta(days=1)),
            ]
        )
        for shift in shifts:
            shift.with_company(shift.company_id).action_close_attendance()

    def _coop_is_makeup_open(self):
        """A shift a member may join as a make-up or a flying shift: planned,
        in the future, with places left."""
        self.ensure_one()
        return (
            self.state == "open"
            and self.start > fields.Datetime.now()
            and self.seats_missing > 0
        )
