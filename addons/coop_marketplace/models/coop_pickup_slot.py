# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_datetime


class CoopPickupSlot(models.Model):
    """A dated time window of a pickup point in a cycle, with a number of
    orders it can take.

    ``booked`` is never written through the ORM: ``_coop_take_place`` and
    ``_coop_give_place`` change it with one conditional UPDATE each, so two
    checkouts at the same moment can't both take the last place, and the
    CHECK constraint below is the last line of defence.
    """

    _name = "coop.pickup.slot"
    _description = "Pickup slot"
    _order = "start_datetime, point_id, id"

    point_id = fields.Many2one(
        "coop.pickup.point",
        string="Pickup point",
        required=True,
        ondelete="restrict",
        index=True,
    )
    cycle_id = fields.Many2one(
        "coop.order.cycle",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="cycle_id.company_id", store=True)
    start_datetime = fields.Datetime(string="Start", required=True)
    end_datetime = fields.Datetime(string="End", required=True)
    capacity = fields.Integer(required=True, default=10)
    booked = fields.Integer(default=0, readonly=True, copy=False)
    available = fields.Integer(compute="_compute_available")

    _sql_constraints = [
        (
            "capacity_positive",
            "CHECK(capacity > 0)",
            "The capacity of a slot must be positive.",
        ),
        (
            "booked_within_capacity",
            # Not checked against a capacity that is itself wrong: that one
            # answers "must be positive" (PostgreSQL checks by name order).
            "CHECK(booked >= 0 AND (booked <= capacity OR capacity <= 0))",
            "A slot can't have more bookings than its capacity.",
        ),
        (
            "end_after_start",
            "CHECK(end_datetime > start_datetime)",
            "A slot must end after it starts.",
        ),
        (
            "start_unique",
            "UNIQUE(cycle_id, point_id, start_datetime)",
            "This pickup point already has a slot at that time in this cycle.",
        ),
    ]

    @api.depends("capacity", "booked")
    def _compute_available(self):
        for slot in self:
            slot.available = slot.capacity - slot.booked

    @api.depends("point_id.name", "start_datetime", "end_datetime")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # "Hellemmes · sam. 5 déc. 10:00-12:00", in the point's time zone
        # (that of its opening hours) and the reader's language.
        for slot in self:
            if not (slot.point_id and slot.start_datetime and slot.end_datetime):
                slot.display_name = slot.point_id.name or ""
                continue
            tz = slot.point_id._coop_tz()
            slot.display_name = "{} · {}-{}".format(
                slot.point_id.name,
                format_datetime(
                    self.env, slot.start_datetime, tz=tz, dt_format="EEE d MMM HH:mm"
                ),
                format_datetime(self.env, slot.end_datetime, tz=tz, dt_format="HH:mm"),
            )

    # === PLACES === #
    # The slot only counts its places; which order holds it is the order's
    # business (sale.order._coop_set_pickup_slot, the field's one writer).

    def _coop_take_place(self):
        """Take one place of this slot, or raise if it is full. Works in
        sudo on purpose: members can't write slots."""
        self.ensure_one()
        # Pending ORM writes (a capacity changed in this transaction) must
        # be in the table the UPDATE reads.
        self.flush_recordset(["capacity", "booked"])
        # The condition and the increment are one statement on a locked
        # row: concurrent bookings wait for each other, and the loser sees
        # the winner's count (or gets a serialization error, retried).
        self.env.cr.execute(
            SQL(
                "UPDATE coop_pickup_slot SET booked = booked + 1"
                " WHERE id = %s AND booked < capacity RETURNING id",
                self.id,
            )
        )
        taken = self.env.cr.fetchone()
        self.invalidate_recordset(["booked"])
        if not taken:
            raise UserError(
                self.env._("This pickup slot is full, please choose another one.")
            )

    def _coop_give_place(self):
        """Give one place of this slot back."""
        self.ensure_one()
        self.flush_recordset(["capacity", "booked"])
        self.env.cr.execute(
            SQL(
                "UPDATE coop_pickup_slot SET booked = booked - 1"
                " WHERE id = %s AND booked > 0",
                self.id,
            )
        )
        self.invalidate_recordset(["booked"])
