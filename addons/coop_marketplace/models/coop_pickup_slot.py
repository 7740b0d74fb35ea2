# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_datetime
from odoo.tools.sql import column_exists, table_exists

# The database's own guarantee that a slot's ``booked`` equals the number of
# orders holding it, checked at each commit (deferred: within a transaction
# the place and the order's field change one after the other). Whatever
# writes the tables (ORM, RPC, import, raw SQL), an inconsistent count is
# never committed.
BOOKED_TRIGGER_SQL = """
CREATE OR REPLACE FUNCTION coop_pickup_slot_check_booked() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    slot_ids integer[];
    wrong integer;
BEGIN
    IF TG_TABLE_NAME = 'coop_pickup_slot' THEN
        slot_ids := ARRAY[NEW.id];
    ELSIF TG_OP = 'INSERT' THEN
        slot_ids := ARRAY[NEW.coop_pickup_slot_id];
    ELSIF TG_OP = 'DELETE' THEN
        slot_ids := ARRAY[OLD.coop_pickup_slot_id];
    ELSE
        slot_ids := ARRAY[OLD.coop_pickup_slot_id, NEW.coop_pickup_slot_id];
    END IF;
    SELECT slot.id INTO wrong
      FROM coop_pickup_slot slot
     WHERE slot.id = ANY(slot_ids)
       AND slot.booked <> (SELECT count(*) FROM sale_order
                            WHERE coop_pickup_slot_id = slot.id)
     LIMIT 1;
    IF wrong IS NOT NULL THEN
        RAISE EXCEPTION
            'Pickup slot %: its booked places differ from the orders holding it',
            wrong USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS coop_pickup_slot_booked_insert ON sale_order;
CREATE CONSTRAINT TRIGGER coop_pickup_slot_booked_insert
    AFTER INSERT ON sale_order
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.coop_pickup_slot_id IS NOT NULL)
    EXECUTE FUNCTION coop_pickup_slot_check_booked();
DROP TRIGGER IF EXISTS coop_pickup_slot_booked_update ON sale_order;
CREATE CONSTRAINT TRIGGER coop_pickup_slot_booked_update
    AFTER UPDATE OF coop_pickup_slot_id ON sale_order
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.coop_pickup_slot_id IS DISTINCT FROM NEW.coop_pickup_slot_id)
    EXECUTE FUNCTION coop_pickup_slot_check_booked();
DROP TRIGGER IF EXISTS coop_pickup_slot_booked_delete ON sale_order;
CREATE CONSTRAINT TRIGGER coop_pickup_slot_booked_delete
    AFTER DELETE ON sale_order
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.coop_pickup_slot_id IS NOT NULL)
    EXECUTE FUNCTION coop_pickup_slot_check_booked();
DROP TRIGGER IF EXISTS coop_pickup_slot_booked_count ON coop_pickup_slot;
CREATE CONSTRAINT TRIGGER coop_pickup_slot_booked_count
    AFTER UPDATE OF booked ON coop_pickup_slot
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.booked IS DISTINCT FROM NEW.booked)
    EXECUTE FUNCTION coop_pickup_slot_check_booked();
"""


def install_booked_trigger(cr):
    """Create the triggers once both tables are there (called by both
    models' ``init``: whichever comes second creates them)."""
    if table_exists(cr, "coop_pickup_slot") and column_exists(
        cr, "sale_order", "coop_pickup_slot_id"
    ):
        cr.execute(BOOKED_TRIGGER_SQL)


class CoopPickupSlot(models.Model):
    """A dated time window of a pickup point in a cycle, with a number of
    orders it can take.

    ``booked`` is never written through the ORM: ``_take_place`` and
    ``_give_place`` change it with one conditional UPDATE each, so two
    checkouts at the same moment can't both take the last place; the CHECK
    constraint below and the commit-time triggers (``booked`` = orders
    holding the slot) are the last line of defence.
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
    # What the slot is for (see the template's); the member's checkout
    # offers only the kind its delivery method books.
    kind = fields.Selection(
        [("pickup", "Pickup")],
        required=True,
        default="pickup",
        index=True,
        ondelete={"pickup": "cascade"},
    )
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

    def init(self):
        install_booked_trigger(self.env.cr)

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
            tz = slot.point_id._tz()
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

    def _take_place(self):
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

    def _give_place(self):
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
