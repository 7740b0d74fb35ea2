# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

KINDS = [
    ("till", "Till"),
    ("reception", "Reception of deliveries"),
    ("shelves", "Shelves"),
    ("pickup", "Pickup day distribution"),
    ("bike", "Bike depot"),
    ("other", "Other"),
]
WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class CoopShiftTemplate(models.Model):
    _name = "coop.shift.template"
    _description = "Shift template"
    _order = "company_id, week_number, weekday, start_hour"
    _check_company_auto = True

    # Computed at each read: in the reader's language.
    name = fields.Char(compute="_compute_name")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    week_number = fields.Integer(
        string="Week",
        default=1,
        required=True,
        help="The week of the cycle: 1 is week A, 2 week B...",
    )
    week_letter = fields.Char(
        string="Week of the cycle", compute="_compute_week_letter", store=True
    )
    weekday = fields.Selection(WEEKDAYS, string="Day", required=True, default="5")
    start_hour = fields.Float(string="Starts at", required=True, default=9.0)
    duration = fields.Float(string="Hours", required=True, default=3.0)
    kind = fields.Selection(KINDS, string="Work", required=True, default="till")
    place = fields.Char(help="Where the volunteers meet.")
    seats = fields.Integer(string="Volunteers needed", default=3, required=True)
    leader_id = fields.Many2one(
        "res.partner",
        string="Team leader",
        help="Coordinates the shift: checks in the volunteers, marks the absent.",
    )
    participation_ids = fields.One2many(
        "coop.shift.participation",
        "template_id",
        string="Regular members",
        domain=[("kind", "=", "regular")],
    )
    shift_ids = fields.One2many("coop.shift", "template_id")

    _sql_constraints = [
        (
            "week_positive",
            "CHECK(week_number >= 1)",
            "Weeks are counted from 1 (week A).",
        ),
        (
            "seats_positive",
            "CHECK(seats >= 1)",
            "A shift needs at least one volunteer.",
        ),
        ("duration_positive", "CHECK(duration > 0)", "A shift lasts some time."),
    ]

    @api.depends("week_number")
    def _compute_week_letter(self):
        for template in self:
            template.week_letter = chr(ord("A") + (template.week_number - 1) % 26)

    @api.depends("week_number", "weekday", "start_hour", "kind")
    @api.depends_context("lang")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        days = dict(self._fields["weekday"]._description_selection(self.env))
        for template in self:
            letter = chr(ord("A") + (template.week_number - 1) % 26)
            hours, minutes = divmod(round((template.start_hour or 0) * 60), 60)
            template.name = self.env._(
                "Week %(week)s · %(day)s %(hour)02d:%(minute)02d · %(kind)s",
                week=letter,
                day=days.get(template.weekday, ""),
                hour=hours,
                minute=minutes,
                kind=kinds.get(template.kind, ""),
            )

    # === The concrete shifts === #

    @api.model
    def _coop_week_number(self, company, day):
        """The week of ``company``'s cycle ``day`` falls in (1 for A)."""
        weeks = max(company.coop_shift_cycle_weeks, 1)
        return (day - company.coop_shift_cycle_start).days // 7 % weeks + 1

    def _coop_occurrences(self, date_from, date_to):
        """(template, start, stop) of these templates' shifts between the two
        days, in UTC, from the coop's local hours."""
        occurrences = []
        for template in self:
            company = template.company_id
            tz = pytz.timezone(company.partner_id.tz or "Europe/Paris")
            day = date_from
            while day <= date_to:
                if str(day.weekday()) == template.weekday and (
                    self._coop_week_number(company, day) == template.week_number
                ):
                    local = tz.localize(
                        datetime.combine(day, time())
                        + timedelta(hours=template.start_hour)
                    )
                    start = local.astimezone(pytz.utc).replace(tzinfo=None)
                    occurrences.append(
                        (template, start, start + timedelta(hours=template.duration))
                    )
                day += timedelta(days=1)
        return occurrences

    def _coop_generate_shifts(self, date_from, date_to):
        """Create the shifts of these templates between the two days that do
        not exist yet, each with its regular members registered (unless on
        leave or exempt that day). Batched: one read of what exists."""
        Shift = self.env["coop.shift"]
        existing = {
            (shift.template_id.id, shift.start)
            for shift in Shift.with_context(active_test=False).search(
                [
                    ("template_id", "in", self.ids),
                    (
                        "start",
                        ">=",
                        datetime.combine(date_from, time()) - timedelta(days=1),
                    ),
                    (
                        "start",
                        "<=",
                        datetime.combine(date_to, time()) + timedelta(days=1),
                    ),
                ]
            )
        }
        values = []
        for template, start, stop in self._coop_occurrences(date_from, date_to):
            if (template.id, start) in existing:
                continue
            values.append(
                {
                    "template_id": template.id,
                    "company_id": template.company_id.id,
                    "start": start,
                    "stop": stop,
                    "kind": template.kind,
                    "place": template.place,
                    "seats": template.seats,
                    "leader_id": template.leader_id.id,
                }
            )
        shifts = Shift.create(values)
        shifts._coop_register_regulars()
        return shifts

    @api.model
    def _cron_generate_shifts(self):
        """The shifts of the weeks ahead (each coop's setting), every day."""
        today = fields.Date.context_today(self)
        for company, templates in (
            self.search([("active", "=", True)]).grouped("company_id").items()
        ):
            templates.with_company(company)._coop_generate_shifts(
                today, today + timedelta(weeks=company.coop_shift_weeks_ahead)
            )
