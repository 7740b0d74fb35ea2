# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_datetime
from odoo.tools.sql import column_exists, table_exists

# The database's own guarantee that a slot never holds more orders than its
# places. An order holds a slot at a numbered place, from 1 to the slot's
# capacity, and no two orders of a slot hold the same number (a unique
# index, see ``sale.order.init``): checked at each commit (deferred: within
# a transaction the slot and the place change one after the other), whatever
# writes the tables (ORM, RPC, import, raw SQL). A smaller capacity keeps
# every booking, renumbered within it, or is refused.
PLACE_TRIGGER_SQL = """
-- Before numbered places, a counter on the slot (#18): its checks go.
CREATE OR REPLACE FUNCTION coop_slot_place_check() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    wrong integer;
BEGIN
    SELECT o.id INTO wrong
      FROM sale_order o
      JOIN coop_slot s ON s.id = o.coop_slot_id
     WHERE o.id = NEW.id
       AND (o.coop_slot_place IS NULL
            OR o.coop_slot_place NOT BETWEEN 1 AND s.capacity);
    IF wrong IS NOT NULL THEN
        RAISE EXCEPTION
            'Sale order %: its place is not one of its pickup slot''s places',
            wrong USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS coop_slot_place_check ON sale_order;
CREATE CONSTRAINT TRIGGER coop_slot_place_check
    AFTER INSERT OR UPDATE OF coop_slot_id, coop_slot_place ON sale_order
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.coop_slot_id IS NOT NULL)
    EXECUTE FUNCTION coop_slot_place_check();

CREATE OR REPLACE FUNCTION coop_slot_capacity_renumber() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(*) FROM sale_order
         WHERE coop_slot_id = NEW.id) > NEW.capacity THEN
        RAISE EXCEPTION 'Pickup slot %: more bookings than its capacity',
            NEW.id USING ERRCODE = 'check_violation';
    END IF;
    WITH high AS (
        SELECT id, row_number() OVER (ORDER BY coop_slot_place) AS rank
          FROM sale_order
         WHERE coop_slot_id = NEW.id AND coop_slot_place > NEW.capacity
    ), free AS (
        SELECT place, row_number() OVER (ORDER BY place) AS rank
          FROM generate_series(1, NEW.capacity) AS place
         WHERE NOT EXISTS (SELECT 1 FROM sale_order
                            WHERE coop_slot_id = NEW.id
                              AND coop_slot_place = place)
    )
    UPDATE sale_order o SET coop_slot_place = free.place
      FROM high JOIN free USING (rank)
     WHERE o.id = high.id;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS coop_slot_capacity_renumber ON coop_slot;
CREATE TRIGGER coop_slot_capacity_renumber
    AFTER UPDATE OF capacity ON coop_slot
    FOR EACH ROW WHEN (NEW.capacity < OLD.capacity)
    EXECUTE FUNCTION coop_slot_capacity_renumber();
"""


def install_place_triggers(cr):
    """Create the triggers once both tables are there (called by both
    models' ``init``: whichever comes second creates them)."""
    if table_exists(cr, "coop_slot") and column_exists(
        cr, "sale_order", "coop_slot_place"
    ):
        cr.execute(PLACE_TRIGGER_SQL)


class CoopSlot(models.Model):
    """A dated time window of a pickup point in a cycle, with a number of
    orders it can take.

    Its places are numbered from 1 to ``capacity``; an order holds one
    (``sale.order.coop_slot_place``), and no two orders of a slot hold the
    same (a unique index). Booking (``_take_place``) gives the order a free
    number: two checkouts at the same moment take different numbers and
    never wait for each other on a shared counter; two that try the same
    number are told apart by the index, and the second takes another. The
    last place can't be taken twice. ``booked`` is counted from the orders.
    """

    _name = "coop.slot"
    _description = "Pickup or delivery slot"
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
    order_ids = fields.One2many(
        "sale.order", "coop_slot_id", string="Orders", readonly=True
    )
    booked = fields.Integer(compute="_compute_booked")
    available = fields.Integer(compute="_compute_available")

    _sql_constraints = [
        (
            "capacity_positive",
            "CHECK(capacity > 0)",
            "The capacity of a slot must be positive.",
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
        install_place_triggers(self.env.cr)

    @api.depends("order_ids")
    def _compute_booked(self):
        # sudo: the count of orders holding a slot, which anyone reading the
        # slot may see (members choose a slot by its places left).
        counts = dict(
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [("coop_slot_id", "in", self.ids)],
                ["coop_slot_id"],
                ["__count"],
            )
        )
        for slot in self:
            slot.booked = counts.get(slot._origin, 0)

    @api.constrains("capacity")
    def _check_capacity_holds_bookings(self):
        # A capacity that is itself wrong answers "must be positive" first.
        for slot in self.filtered(lambda s: s.capacity > 0):
            if slot.booked > slot.capacity:
                raise ValidationError(
                    self.env._("A slot can't have more bookings than its capacity.")
                )

    @api.depends("capacity", "booked")
    def _compute_available(self):
        for slot in self:
            slot.available = slot.capacity - slot.booked

    @api.depends("point_id.name", "start_datetime", "end_datetime")
    @api.depends_context("lang", "coop_slot_time_first")
    def _compute_display_name(self):
        # "Hellemmes · sam. 5 déc. 10:00-12:00", in the point's time zone
        # (that of its opening hours) and the reader's language. Pickup day
        # on a phone reads "sam. 5 déc. 10:00-12:00 · Hellemmes": what
        # tells the slots apart comes first, before the screen cuts it.
        time_first = self.env.context.get("coop_slot_time_first")
        for slot in self:
            if not (slot.point_id and slot.start_datetime and slot.end_datetime):
                slot.display_name = slot.point_id.name or ""
                continue
            tz = slot.point_id._tz()
            when = "{}-{}".format(
                format_datetime(
                    self.env, slot.start_datetime, tz=tz, dt_format="EEE d MMM HH:mm"
                ),
                format_datetime(self.env, slot.end_datetime, tz=tz, dt_format="HH:mm"),
            )
            parts = (
                (when, slot.point_id.name) if time_first else (slot.point_id.name, when)
            )
            slot.display_name = " · ".join(parts)

    # === PLACES === #
    # The slot gives the places; which order holds it is the order's business
    # (sale.order._coop_set_pickup_slot, the one writer of the order's slot).

    def _take_place(self, order):
        """Give ``order`` a free place of this slot (its number, written on
        the order with the slot), or raise if the slot is full. Works in SQL
        on purpose: members can't write orders' slots."""
        self.ensure_one()
        # Pending ORM writes (a capacity changed in this transaction) must
        # be in the tables the statements read.
        self.flush_recordset(["capacity"])
        order.flush_recordset(["coop_slot_id", "coop_slot_place"])
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT coop_slot_place FROM sale_order"
                " WHERE coop_slot_id = %s AND id != %s",
                self.id,
                order.id,
            )
        )
        taken = {place for (place,) in cr.fetchall()}
        free = [n for n in range(1, self.capacity + 1) if n not in taken]
        # In random order, so that checkouts at the same moment try
        # different numbers. A number another running checkout is taking is
        # skipped at once (its transaction's advisory lock), instead of
        # waiting for that checkout's commit; one taken since this
        # transaction began (its snapshot can't see it) is refused by the
        # unique index: then the next number, in a savepoint, without
        # retrying the request.
        random.shuffle(free)
        for place in free:
            cr.execute(SQL("SELECT pg_try_advisory_xact_lock(%s, %s)", self.id, place))
            if not cr.fetchone()[0]:
                continue
            try:
                with cr.savepoint(flush=False):
                    cr.execute(
                        SQL(
                            "UPDATE sale_order SET coop_slot_id = %s,"
                            " coop_slot_place = %s WHERE id = %s",
                            self.id,
                            place,
                            order.id,
                        ),
                        log_exceptions=False,
                    )
            except psycopg2.errors.UniqueViolation:
                continue
            order.invalidate_recordset(["coop_slot_id", "coop_slot_place"])
            self.invalidate_recordset(["order_ids", "booked", "available"])
            return place
        raise UserError(
            self.env._("This pickup slot is full, please choose another one.")
        )
