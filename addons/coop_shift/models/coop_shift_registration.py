# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class CoopShiftRegistration(models.Model):
    """Someone expected at a shift, and what became of it. Attendance is
    recorded here, once; the counter's points follow from it through the
    participation (``_coop_add_event``)."""

    _name = "coop.shift.registration"
    _description = "Shift registration"
    _order = "shift_start, id"
    _check_company_auto = True

    shift_id = fields.Many2one(
        "coop.shift", required=True, index=True, ondelete="cascade", check_company=True
    )
    shift_start = fields.Datetime(related="shift_id.start", store=True)
    company_id = fields.Many2one(related="shift_id.company_id", store=True, index=True)
    participation_id = fields.Many2one(
        "coop.shift.participation",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        help="Who comes: the member or someone of her household.",
    )
    origin = fields.Selection(
        [
            ("regular", "Regular shift"),
            ("makeup", "Make-up"),
            ("flying", "Flying shift"),
            ("swap", "Replaces someone"),
        ],
        required=True,
        default="makeup",
    )
    state = fields.Selection(
        [
            ("open", "Expected"),
            ("attended", "Present"),
            ("absent", "Absent"),
            ("excused", "Absence announced"),
            ("swapped", "Replaced"),
        ],
        default="open",
        required=True,
        index=True,
    )
    swap_offered = fields.Boolean(
        string="Looking for a replacement",
        help="The member offers her place: another member may take it; she"
        " is then replaced without penalty.",
    )
    replaced_by_id = fields.Many2one("coop.shift.registration", readonly=True)
    reminded = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        (
            "once_per_shift",
            "UNIQUE(shift_id, partner_id)",
            "This person is already registered on this shift.",
        ),
    ]

    @api.constrains("participation_id", "partner_id")
    def _check_partner_of_participation(self):
        for registration in self:
            participation = registration.participation_id
            if registration.partner_id not in (
                participation.partner_id | participation.household_partner_ids
            ):
                raise UserError(
                    self.env._("Only the member or her household can do her shift.")
                )

    # === Attendance: one path for every screen === #

    def _coop_points(self, state):
        """The counter points of ending in ``state``, by the coop's rules."""
        self.ensure_one()
        company = self.company_id
        if state == "attended":
            return 0 if self.origin == "regular" else 1
        if state == "absent":
            return (
                -company.coop_shift_makeups_per_miss if self.origin == "regular" else -1
            )
        if state == "excused":
            return (
                -company.coop_shift_makeups_per_announced
                if self.origin == "regular"
                else 0
            )
        return 0

    def _coop_set_attendance(self, state):
        """Record ``state`` on these registrations, once: the counter gets
        its points and the participation its state at once."""
        for registration in self:
            if registration.state != "open":
                raise UserError(
                    self.env._(
                        "%(name)s's attendance is already recorded.",
                        name=registration.partner_id.name,
                    )
                )
        for registration in self:
            registration.state = state
            points = registration._coop_points(state)
            # sudo: the team leader records attendance; the counter's history
            # is the shifts office's.
            participation = registration.participation_id.sudo()
            if points or state != "attended":
                participation._coop_add_event(
                    points,
                    state,
                    day=registration.shift_start.date(),
                    registration=registration,
                )
        self.participation_id.sudo()._coop_update_states()
        return True

    def action_attended(self):
        """The team leader checks the volunteer in."""
        return self._coop_set_attendance("attended")

    def action_absent(self):
        """The team leader marks the volunteer absent (no notice)."""
        return self._coop_set_attendance("absent")

    def _coop_check_in(self):
        """The volunteer checks herself in on the shift's tablet: from a
        quarter of an hour before the start until the coop's late limit;
        later, the team leader decides."""
        self.ensure_one()
        now = fields.Datetime.now()
        late = self.shift_start + timedelta(
            minutes=self.company_id.coop_shift_late_minutes
        )
        if now < self.shift_start - timedelta(minutes=15):
            raise UserError(self.env._("The shift has not started yet."))
        if now > late:
            raise UserError(
                self.env._("Too late to check in yourself: ask the team leader.")
            )
        return self.action_attended()

    # === What the member does from her phone === #

    def _coop_check_before_start(self):
        for registration in self:
            if (
                registration.state != "open"
                or registration.shift_start <= fields.Datetime.now()
            ):
                raise UserError(
                    self.env._(
                        "This shift has started or is over: it can't change now."
                    )
                )

    def _coop_announce_absence(self):
        """She can't come, and says so before the shift: it costs the
        coop's make-ups for an announced absence (fewer than a missed one)."""
        self._coop_check_before_start()
        return self._coop_set_attendance("excused")

    def _coop_offer_swap(self, offered=True):
        """She looks for a replacement (or no longer does)."""
        self._coop_check_before_start()
        self.swap_offered = offered
        return True

    def _coop_take_swap(self, participation, partner):
        """``partner`` (of ``participation``) takes this offered place: she
        is registered instead, the member replaced without penalty."""
        self.ensure_one()
        self._coop_check_before_start()
        if not self.swap_offered:
            raise UserError(self.env._("This place is not offered for a swap."))
        if participation == self.participation_id:
            raise UserError(self.env._("You can't replace yourself."))
        if participation.company_id != self.company_id:
            raise UserError(self.env._("This shift is in another coop."))
        taker = self.create(
            {
                "shift_id": self.shift_id.id,
                "participation_id": participation.id,
                "partner_id": partner.id,
                "origin": "swap",
            }
        )
        self.write(
            {"state": "swapped", "swap_offered": False, "replaced_by_id": taker.id}
        )
        return taker

    @api.model
    def _coop_sign_up(self, shift, participation, partner):
        """She joins ``shift`` as a make-up (or a flying member's shift)
        where help is needed."""
        if not shift._coop_is_makeup_open():
            raise UserError(self.env._("This shift is full or no longer open."))
        if shift.company_id != participation.company_id:
            raise UserError(self.env._("This shift is in another coop."))
        if participation.state in ("exempt", "unsubscribed"):
            raise UserError(self.env._("Your participation does not include shifts."))
        if self.search_count(
            [("shift_id", "=", shift.id), ("partner_id", "=", partner.id)], limit=1
        ):
            raise UserError(self.env._("You are already registered on this shift."))
        return self.create(
            {
                "shift_id": shift.id,
                "participation_id": participation.id,
                "partner_id": partner.id,
                "origin": "flying" if participation.kind == "flying" else "makeup",
            }
        )

    @api.model
    def _cron_send_reminders(self):
        """Two days before: each expected volunteer gets a reminder, in her
        language."""
        now = fields.Datetime.now()
        registrations = self.search(
            [
                ("state", "=", "open"),
                ("reminded", "=", False),
                ("shift_start", ">", now),
                ("shift_start", "<=", now + timedelta(days=2)),
            ]
        )
        for registration in registrations:
            registration.with_context(
                lang=registration.partner_id.lang
            )._coop_send_reminder()
        registrations.reminded = True

    def _coop_send_reminder(self):
        """The e-mail to the volunteer, in the language of the context (hers)
        and the coop's time zone; she is not made a follower."""
        self.ensure_one()
        shift = self.shift_id
        company = self.company_id
        tz = company.partner_id.tz or "Europe/Paris"
        start = fields.Datetime.context_timestamp(
            shift.with_context(tz=tz), shift.start
        )
        kinds = dict(shift._fields["kind"]._description_selection(self.env))
        subject = self.env._(
            "Your shift on %(day)s at %(hour)s",
            day=start.strftime("%d/%m/%Y"),
            hour=start.strftime("%H:%M"),
        )
        body = self.env._(
            "Hello %(name)s, you are expected at the %(coop)s on %(day)s at"
            " %(hour)s (%(kind)s, %(place)s). If you can't come, say so on"
            " your shifts page or find a replacement: an absence announced"
            " in time costs less than a missed shift.",
            name=self.partner_id.name,
            coop=company.name,
            day=start.strftime("%d/%m/%Y"),
            hour=start.strftime("%H:%M"),
            kind=kinds.get(shift.kind, ""),
            place=shift.place or company.name,
        )
        # sudo: a job posts on the participation without its followers.
        self.participation_id.sudo().message_notify(
            partner_ids=self.partner_id.ids,
            subject=subject,
            body=body,
            email_layout_xmlid="mail.mail_notification_light",
        )
