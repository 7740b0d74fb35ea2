# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import shift_rules

STATES = [
    ("up_to_date", "Up to date"),
    ("alert", "Alert"),
    ("suspended", "Suspended"),
    ("on_leave", "On leave"),
    ("exempt", "Exempt"),
    ("unsubscribed", "Unsubscribed"),
]


class CoopShiftParticipation(models.Model):
    """A membership's share of the work in one coop: the one owner of its
    counter, its state and whether its people may shop."""

    _name = "coop.shift.participation"
    _description = "Volunteer participation"
    _inherit = ["mail.thread", "portal.mixin"]
    _order = "company_id, partner_id"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        help="The member holding the shares.",
    )
    household_partner_ids = fields.Many2many(
        "res.partner",
        "coop_shift_participation_household_rel",
        "participation_id",
        "partner_id",
        string="Household",
        help="The other people on this membership: each has her card and"
        " login, shops on the membership's state and shares its shifts.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [
            ("regular", "Regular (one template)"),
            ("flying", "Flying (shifts chosen freely)"),
            ("exempt", "Exempt"),
        ],
        required=True,
        default="regular",
        tracking=True,
    )
    template_id = fields.Many2one(
        "coop.shift.template",
        string="Regular shift",
        check_company=True,
        tracking=True,
        index=True,
    )
    exempt_reason = fields.Text(
        string="Reason for the exemption",
        groups="coop_shift.group_coop_shift_manager",
        help="Confidential: health, age... read by the shifts office only.",
    )
    leave_ids = fields.One2many("coop.shift.leave", "participation_id", string="Leaves")
    registration_ids = fields.One2many(
        "coop.shift.registration", "participation_id", string="Shifts"
    )
    event_ids = fields.One2many(
        "coop.shift.counter.event", "participation_id", string="Counter history"
    )
    counter = fields.Integer(readonly=True, help="Shifts ahead (+) or owed (−).")
    alert_since = fields.Date(readonly=True)
    state = fields.Selection(
        STATES,
        default="up_to_date",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    can_shop = fields.Boolean(compute="_compute_can_shop")

    _sql_constraints = [
        (
            "one_per_member_and_coop",
            "UNIQUE(partner_id, company_id)",
            "A member has one participation per coop.",
        ),
    ]

    @api.depends("state")
    def _compute_can_shop(self):
        for participation in self:
            participation.can_shop = shift_rules.can_shop(participation.state)

    @api.constrains("kind", "template_id")
    def _check_template(self):
        for participation in self:
            if participation.kind == "regular" and not participation.template_id:
                raise ValidationError(
                    self.env._("A regular member needs her regular shift (a template).")
                )

    @api.constrains("partner_id", "household_partner_ids", "company_id")
    def _check_one_household(self):
        """A person shops on one membership per coop."""
        for participation in self:
            people = participation.partner_id | participation.household_partner_ids
            clash = self.search_count(
                [
                    ("id", "!=", participation.id),
                    ("company_id", "=", participation.company_id.id),
                    "|",
                    ("partner_id", "in", people.ids),
                    ("household_partner_ids", "in", people.ids),
                ],
                limit=1,
            )
            if clash:
                raise ValidationError(
                    self.env._("A person belongs to one household per coop.")
                )

    # === The counter's history and the state: one owner === #

    def _coop_add_event(self, points, reason, day=None, registration=None):
        """Add ``points`` to the counter (capped ahead by the coop's setting)
        with its reason; every change of the counter goes through here."""
        self.ensure_one()
        company = self.company_id
        points = shift_rules.capped(self.counter, points, company.coop_shift_max_credit)
        event = self.env["coop.shift.counter.event"].create(
            {
                "participation_id": self.id,
                "date": day or fields.Date.context_today(self),
                "points": points,
                "reason": reason,
                "registration_id": registration.id if registration else False,
            }
        )
        # The counter follows at once (the till reads it, the next event is
        # capped on it).
        self.counter += points
        return event

    def _coop_update_states(self, today=None):
        """The counter, alert date, state and "can shop" of these
        participations from their history, as ``shift_rules`` says; each
        change of state logged with its reason. Batched: a fixed number of
        queries whatever the number of members."""
        today = today or fields.Date.context_today(self)
        self.env["coop.shift.counter.event"].flush_model()
        events_by_participation = defaultdict(list)
        if self.ids:
            self.env.cr.execute(
                """SELECT participation_id, date, points FROM coop_shift_counter_event
                   WHERE participation_id = ANY(%s) ORDER BY date, id""",
                [self.ids],
            )
            for participation_id, day, points in self.env.cr.fetchall():
                events_by_participation[participation_id].append((day, points))
        leaves_by_participation = defaultdict(list)
        for leave in self.env["coop.shift.leave"].search_read(
            [("participation_id", "in", self.ids)],
            ["participation_id", "date_start", "date_end"],
        ):
            leaves_by_participation[leave["participation_id"][0]].append(
                (leave["date_start"], leave["date_end"])
            )
        active_partners = self._coop_active_members()
        rows, changed, moved = [], self.browse(), self.browse()
        for participation in self:
            counter, since = shift_rules.counter_and_alert_since(
                events_by_participation[participation.id]
            )
            state = shift_rules.state_of(
                participation.kind,
                participation.active and participation.partner_id in active_partners,
                counter,
                since,
                leaves_by_participation[participation.id],
                today,
                participation.company_id.coop_shift_grace_days,
            )
            values = (counter, since or False, state)
            current = (
                participation.counter,
                participation.alert_since,
                participation.state,
            )
            if values != current:
                rows.append((participation.id, *values))
                changed |= participation
                if state != participation.state:
                    moved |= participation
        if not rows:
            return
        # One statement whatever the number of members: these are the
        # participation's own derived values (no tracking, no other field
        # depends on them but through _coop_write_people_state).
        self.flush_recordset(["counter", "alert_since", "state"])
        self.env.cr.execute_values(
            """UPDATE coop_shift_participation AS p
                  SET counter = v.counter, alert_since = v.since::date,
                      state = v.state,
                      write_date = now() at time zone 'UTC', write_uid = v.uid
                 FROM (VALUES %s) AS v(id, counter, since, state, uid)
                WHERE p.id = v.id""",
            [(*row[:2], row[2] or None, *row[3:], self.env.uid) for row in rows],
            # One statement, whatever the number of members.
            page_size=len(rows),
        )
        changed.invalidate_recordset(
            ["counter", "alert_since", "state", "can_shop", "write_date", "write_uid"],
            flush=False,
        )
        changed._coop_write_people_state()
        # The member's history: why her state changed, one batch of notes.
        for company, participations in moved.grouped("company_id").items():
            participations.with_company(company)._message_log_batch(
                {p.id: p._coop_state_reason() for p in participations}
            )

    def _coop_people(self):
        return self.partner_id | self.household_partner_ids

    def _coop_write_people_state(self):
        """Copy each participation's state to its people (the member and her
        household), per coop: what the till and the shop read. Batched by
        state."""
        by_state = {}
        for participation in self:
            state = participation.state if participation.active else False
            key = (participation.company_id, state)
            by_state[key] = by_state.get(key, self.env["res.partner"]) | (
                participation._coop_people()
            )
        for (company, state), people in by_state.items():
            # sudo: the state is the participation's, written for its people.
            people.sudo().with_company(company).write({"coop_shift_state": state})

    @api.model_create_multi
    def create(self, vals_list):
        participations = super().create(vals_list)
        participations._coop_write_people_state()
        return participations

    def write(self, vals):
        before = {p: p._coop_people() for p in self}
        result = super().write(vals)
        if {"partner_id", "household_partner_ids", "active", "company_id"} & set(vals):
            for participation, people in before.items():
                gone = people - participation._coop_people()
                if gone:
                    gone.sudo().with_company(participation.company_id).write(
                        {"coop_shift_state": False}
                    )
            self._coop_write_people_state()
        return result

    def unlink(self):
        for participation in self:
            participation._coop_people().sudo().with_company(
                participation.company_id
            ).write({"coop_shift_state": False})
        return super().unlink()

    def _coop_active_members(self):
        """The partners of these participations who are active members of
        the participation's coop. sudo: the membership state of members the
        shifts office plans."""
        active = self.env["res.partner"]
        for company, participations in self.grouped("company_id").items():
            partners = participations.partner_id.sudo().with_company(company)
            active |= partners.filtered(lambda p: p.coop_member_state == "active")
        return active.sudo(False)

    def _coop_state_reason(self):
        """What the state means, in words, for the member's history and her
        page."""
        self.ensure_one()
        company = self.company_id
        if self.state == "unsubscribed":
            return self.env._("No longer takes part: not an active member.")
        if self.state == "exempt":
            return self.env._("Exempt from shifts.")
        if self.state == "on_leave":
            return self.env._("On leave: no shift is due during the leave.")
        if self.state == "up_to_date":
            return self.env._(
                "Up to date with her shifts (counter %(counter)s).",
                counter=self.counter,
            )
        deadline = self.alert_since + timedelta(days=company.coop_shift_grace_days)
        if self.state == "alert":
            return self.env._(
                "%(owed)s make-up shift(s) to do before %(deadline)s to keep shopping.",
                owed=-self.counter,
                deadline=deadline.strftime("%d/%m/%Y"),
            )
        return self.env._(
            "Suspended: %(owed)s make-up shift(s) owed. Shopping resumes as"
            " soon as they are done.",
            owed=-self.counter,
        )

    @api.model
    def _cron_update_states(self):
        """Once a day: the flying members' duty of a cycle that starts today,
        then every participation's state (grace periods end, leaves begin
        and end)."""
        today = fields.Date.context_today(self)
        participations = self.search([("active", "=", True)])
        participations._coop_charge_flying_cycle(today)
        participations._coop_update_states(today)

    def _coop_charge_flying_cycle(self, today):
        """On the first day of a cycle, each flying member owes the cycle's
        shifts (unless on leave that day); once per cycle."""
        Event = self.env["coop.shift.counter.event"]
        for company, participations in self.grouped("company_id").items():
            weeks = max(company.coop_shift_cycle_weeks, 1)
            if (today - company.coop_shift_cycle_start).days % (7 * weeks):
                continue
            flying = participations.filtered(
                lambda p: (
                    p.kind == "flying"
                    and p.active
                    and not any(
                        leave.date_start <= today <= leave.date_end
                        for leave in p.leave_ids
                    )
                )
            )
            charged = Event.search(
                [
                    ("participation_id", "in", flying.ids),
                    ("reason", "=", "cycle"),
                    ("date", "=", today),
                ]
            ).participation_id
            for participation in flying - charged:
                participation._coop_add_event(
                    -company.coop_shift_flying_per_cycle, "cycle", day=today
                )

    # === Household and the till === #

    @api.model
    def _coop_of_partners(self, partners, company):
        """{partner: participation} in ``company`` for these people, as
        members or in their household (two queries)."""
        participations = self.sudo().search(
            [
                ("company_id", "=", company.id),
                "|",
                ("partner_id", "in", partners.ids),
                ("household_partner_ids", "in", partners.ids),
            ]
        )
        result = {}
        for participation in participations:
            for person in (
                participation.partner_id | participation.household_partner_ids
            ):
                result[person] = participation
        return result

    # === The member's page === #

    def _coop_state_explanation(self):
        """Her state in her words, on "Mes créneaux"."""
        self.ensure_one()
        company = self.company_id
        if self.state == "unsubscribed":
            return self.env._(
                "You don't take part in the shifts: your membership is not active."
            )
        if self.state == "exempt":
            return self.env._("You are exempt from shifts.")
        if self.state == "on_leave":
            return self.env._("You are on leave: no shift is due until it ends.")
        if self.state == "up_to_date":
            return self.env._("You are up to date with your shifts: you may shop.")
        owed = -self.counter
        if self.state == "alert":
            deadline = self.alert_since + timedelta(days=company.coop_shift_grace_days)
            return self.env._(
                "You owe %(owed)s make-up shift(s). Book them below before"
                " %(deadline)s to keep shopping.",
                owed=owed,
                deadline=deadline.strftime("%d/%m/%Y"),
            )
        return self.env._(
            "Your shopping is suspended: you owe %(owed)s make-up shift(s)."
            " Book them below: once they are done, you may shop again.",
            owed=owed,
        )

    def _coop_ics(self):
        """Her expected shifts as an iCalendar file (RFC 5545)."""
        self.ensure_one()
        stamp = fields.Datetime.now().strftime("%Y%m%dT%H%M%SZ")
        kinds = dict(
            self.env["coop.shift"]._fields["kind"]._description_selection(self.env)
        )
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//coop-hdf//coop_shift//FR",
            "CALSCALE:GREGORIAN",
        ]
        for registration in self.registration_ids.filtered(lambda r: r.state == "open"):
            shift = registration.shift_id
            summary = f"{kinds.get(shift.kind, '')} · {self.company_id.name}"
            lines += [
                "BEGIN:VEVENT",
                f"UID:coop-shift-registration-{registration.id}@{self.company_id.id}",
                f"DTSTAMP:{stamp}",
                "DTSTART:" + shift.start.strftime("%Y%m%dT%H%M%SZ"),
                "DTEND:" + shift.stop.strftime("%Y%m%dT%H%M%SZ"),
                "SUMMARY:" + _ics_text(summary),
                "LOCATION:" + _ics_text(shift.place or ""),
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        return "\r\n".join(lines) + "\r\n"


def _ics_text(text):
    """Escape a text value (RFC 5545, 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )
