# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestPickupSlot(common.CoopMarketplaceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle.action_open()
        cls.friday = cls.cycle.slot_ids.filtered(lambda s: s.capacity == 3)
        cls.saturday = cls.cycle.slot_ids.filtered(lambda s: s.capacity == 2)
        cls.orders = cls.env["sale.order"]
        for __ in range(4):
            cls.orders |= cls._create_order(cls.cycle)

    def _db_booked(self, slot):
        """The orders holding ``slot`` in the database, each at its own
        place within the capacity."""
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*), count(DISTINCT coop_slot_place),"
            " coalesce(min(coop_slot_place), 1), coalesce(max(coop_slot_place), 0)"
            " FROM sale_order WHERE coop_slot_id = %s",
            [slot.id],
        )
        count, places, lowest, highest = self.env.cr.fetchone()
        self.assertEqual(places, count, "two orders at the same place")
        self.assertGreaterEqual(lowest, 1)
        self.assertLessEqual(highest, slot.capacity)
        self.assertEqual(slot.booked, count)
        return count

    # === GENERATION === #

    def test_generation(self):
        self.assertEqual(len(self.friday), 1)
        self.assertEqual(len(self.saturday), 1)
        # Local time in Lille (UTC+1 in January), stored in UTC.
        self.assertEqual(self.friday.start_datetime, datetime(2030, 1, 4, 16, 0))
        self.assertEqual(self.friday.end_datetime, datetime(2030, 1, 4, 18, 0))
        self.assertEqual(self.saturday.start_datetime, datetime(2030, 1, 5, 9, 0))
        self.assertEqual(self.friday.booked, 0)
        self.assertEqual(self.friday.available, 3)

    def test_generation_is_idempotent_and_follows_points(self):
        self.assertFalse(self.cycle._generate_pickup_slots())
        self.assertEqual(self.cycle.slot_count, 2)
        # A new point's slots are added, an archived point gets none, and the
        # existing slots are kept as they are.
        self.friday.capacity = 5
        self.env["coop.pickup.point"].create(
            [
                {
                    "name": "Lomme",
                    "partner_id": self.member.id,
                    "slot_template_ids": [
                        Command.create({"weekday": "5", "hour_from": 9, "hour_to": 11})
                    ],
                },
                {
                    "name": "Fermé",
                    "active": False,
                    "partner_id": self.member.id,
                    "slot_template_ids": [Command.create({"weekday": "5"})],
                },
            ]
        )
        new = self.cycle._generate_pickup_slots()
        self.assertEqual(new.point_id.mapped("name"), ["Lomme"])
        self.assertEqual(self.cycle.slot_count, 3)
        self.assertEqual(self.friday.capacity, 5)
        self.assertFalse(self.cycle._generate_pickup_slots())

    def test_several_weeks(self):
        cycle = self._create_cycle(name="Two weeks")
        cycle.pickup_date_to = "2030-01-12"
        cycle.action_open()
        self.assertEqual(cycle.slot_count, 4)

    def test_display_name(self):
        self.env["res.lang"]._activate_lang("en_US")
        self.assertEqual(
            self.saturday.with_context(lang="en_US").display_name,
            "Hellemmes · Sat 5 Jan 10:00-12:00",
        )
        self.env["res.lang"]._activate_lang("fr_FR")
        self.assertEqual(
            self.saturday.with_context(lang="fr_FR").display_name,
            "Hellemmes · sam. 5 janv. 10:00-12:00",
        )
        # Pickup day on a phone: the time first, before the screen cuts the
        # group's title (its action asks for it).
        self.assertEqual(
            self.saturday.with_context(
                lang="fr_FR", coop_slot_time_first=True
            ).display_name,
            "sam. 5 janv. 10:00-12:00 · Hellemmes",
        )
        self.assertIn(
            "'coop_slot_time_first': True",
            self.env.ref("coop_marketplace.sale_order_action_pickup").context,
        )

    # === BOOKING === #

    def test_book_up_to_capacity(self):
        first, second, third, fourth = self.orders
        for order in (first, second, third):
            order._coop_set_pickup_slot(self.friday)
            self.assertEqual(order.coop_slot_id, self.friday)
        self.assertEqual(self.friday.booked, 3)
        self.assertEqual(self.friday.available, 0)
        with self.assertRaisesRegex(UserError, "full"):
            fourth._coop_set_pickup_slot(self.friday)
        self.assertFalse(fourth.coop_slot_id)
        self.assertEqual(self._db_booked(self.friday), 3)

    def test_failed_change_keeps_the_previous_slot(self):
        first, second, third, __ = self.orders
        first._coop_set_pickup_slot(self.saturday)
        second._coop_set_pickup_slot(self.saturday)
        third._coop_set_pickup_slot(self.friday)
        # The caller (a request) rolls back on error: nothing is half done.
        with self.assertRaises(UserError), self.cr.savepoint():
            third._coop_set_pickup_slot(self.saturday)
        third.invalidate_recordset()
        self.assertEqual(third.coop_slot_id, self.friday)
        self.assertEqual(self._db_booked(self.friday), 1)
        self.assertEqual(self._db_booked(self.saturday), 2)

    def test_change_and_release(self):
        order = self.orders[0]
        order._coop_set_pickup_slot(self.friday)
        order._coop_set_pickup_slot(self.friday)  # same slot: nothing happens
        self.assertEqual(self.friday.booked, 1)
        order._coop_set_pickup_slot(self.saturday)
        self.assertEqual((self.friday.booked, self.saturday.booked), (0, 1))
        order._coop_set_pickup_slot(self.env["coop.slot"])
        self.assertFalse(order.coop_slot_id)
        self.assertEqual(self.saturday.booked, 0)
        # Releasing what the order doesn't hold changes nothing.
        order._coop_release_pickup_slot()
        self.assertEqual(self._db_booked(self.saturday), 0)

    def test_cancel_releases(self):
        order = self.orders[0]
        order._coop_set_pickup_slot(self.friday)
        order.action_confirm()
        order._action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertFalse(order.coop_slot_id)
        self.assertEqual(self.friday.booked, 0)
        with self.assertRaises(UserError):
            order._coop_set_pickup_slot(self.friday)

    def test_deleting_a_cart_releases(self):
        self.orders[0]._coop_set_pickup_slot(self.saturday)
        self.orders[0].unlink()
        self.assertEqual(self._db_booked(self.saturday), 0)

    def test_slot_of_another_cycle_refused(self):
        other = self._create_cycle(name="Other")
        other.action_open()
        order = self.orders[0]
        with self.assertRaisesRegex(UserError, "cycle"):
            order._coop_set_pickup_slot(other.slot_ids[0])
        self.assertEqual(other.slot_ids.mapped("booked"), [0, 0])
        no_cycle = self.env["sale.order"].create({"partner_id": self.member.id})
        with self.assertRaises(UserError):
            no_cycle._coop_set_pickup_slot(self.friday)
        # Moving a booked order to another cycle is refused too.
        order._coop_set_pickup_slot(self.friday)
        with self.assertRaises(ValidationError):
            order.coop_cycle_id = other

    def test_no_change_once_closed(self):
        order = self.orders[0]
        order._coop_set_pickup_slot(self.friday)
        order.action_confirm()  # the close cancels unconfirmed carts
        self.cycle._close()
        with self.assertRaisesRegex(UserError, "closed"):
            order._coop_set_pickup_slot(self.saturday)
        self.assertEqual(order.coop_slot_id, self.friday)
        self.assertEqual(self.saturday.booked, 0)

    def _holding(self, slot):
        return self.env["sale.order"].search_count([("coop_slot_id", "=", slot.id)])

    def test_every_path_books_through_the_owner(self):
        """Whatever path writes an order's slot, ``booked`` equals the
        orders holding it: a direct write (RPC as a manager, an import), a
        creation with a slot, a copy, a change of point, a full slot."""
        order, other, third = self.orders[:3]
        # A manager's direct write is booked, not just stored.
        sales_manager = new_test_user(
            self.env, login="coop_slot_sales", groups="sales_team.group_sale_manager"
        )
        order.with_user(sales_manager).write({"coop_slot_id": self.saturday.id})
        self.assertEqual(order.coop_slot_id, self.saturday)
        self.assertEqual(self._db_booked(self.saturday), self._holding(self.saturday))
        self.assertEqual(self._db_booked(self.saturday), 1)
        # A creation with a slot (an import) too.
        created = self.env["sale.order"].create(
            {
                "partner_id": self.portal_member.partner_id.id,
                "coop_cycle_id": self.cycle.id,
                "coop_slot_id": self.saturday.id,
            }
        )
        self.assertEqual(created.coop_slot_id, self.saturday)
        self.assertEqual(self._db_booked(self.saturday), 2)
        # Full: refused, nothing written.
        with self.assertRaises(UserError), self.cr.savepoint():
            other.write({"coop_slot_id": self.saturday.id, "note": "x"})
        self.assertFalse(other.coop_slot_id)
        self.assertEqual(self._db_booked(self.saturday), self._holding(self.saturday))
        # A copy holds no slot.
        self.assertFalse(order.copy().coop_slot_id)
        self.assertEqual(self._db_booked(self.saturday), self._holding(self.saturday))
        # A slot of another point is refused, whatever the path.
        third._coop_set_pickup_point(
            self.env["coop.pickup.point"].create(
                {"name": "Lomme", "partner_id": self.point.partner_id.id}
            )
        )
        with self.assertRaises(UserError), self.cr.savepoint():
            third.write({"coop_slot_id": self.friday.id})
        # Clearing it gives the place back.
        order.write({"coop_slot_id": False})
        self.assertEqual(self._db_booked(self.saturday), self._holding(self.saturday))
        self.assertEqual(self._db_booked(self.saturday), 1)

    def _check_booked_now(self):
        """The commit-time check of the slots, run now (PostgreSQL checks
        the deferred triggers' pending events when they become immediate;
        when they fail, the savepoint's rollback brings the mode back)."""
        self.env.flush_all()
        self.env.cr.execute("SET CONSTRAINTS ALL IMMEDIATE")
        self.env.cr.execute("SET CONSTRAINTS ALL DEFERRED")

    def test_the_database_refuses_a_place_out_of_the_slot(self):
        """Whatever writes the tables, an order holding a slot without a
        place of its own within the capacity is never committed, and a
        capacity below the orders holding the slot neither."""
        order, other = self.orders[:2]
        order._coop_set_pickup_slot(self.saturday)
        order.write({"coop_slot_id": False})
        other.write({"coop_slot_id": self.saturday.id})
        third = self.orders[2]
        third._coop_set_pickup_slot(self.saturday)
        self._check_booked_now()  # the owner's paths: consistent
        for statement, message in (
            # An order's slot written by SQL, skipping the booking.
            (
                ("UPDATE sale_order SET coop_slot_id = %(slot)s WHERE id = %(order)s"),
                "not one of its pickup slot's places",
            ),
            # A place beyond the capacity.
            (
                (
                    "UPDATE sale_order SET coop_slot_id = %(slot)s,"
                    " coop_slot_place = 3 WHERE id = %(order)s"
                ),
                "not one of its pickup slot's places",
            ),
            # Another order's place.
            (
                (
                    "UPDATE sale_order SET coop_slot_id = %(slot)s,"
                    " coop_slot_place = (SELECT coop_slot_place FROM sale_order"
                    " WHERE id = %(other)s) WHERE id = %(order)s"
                ),
                "sale_order_coop_slot_place_unique",
            ),
            # A capacity below the orders holding the slot.
            (
                "UPDATE coop_slot SET capacity = 1 WHERE id = %(slot)s",
                "more bookings than its capacity",
            ),
        ):
            with (
                self.subTest(statement=statement),
                mute_logger("odoo.sql_db"),
                self.assertRaises(IntegrityError) as caught,
                self.cr.savepoint(),
            ):
                self.env.cr.execute(
                    statement,
                    {"slot": self.saturday.id, "order": order.id, "other": other.id},
                )
                self._check_booked_now()
            self.assertIn(message, str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(self._db_booked(self.saturday), 2)
        self.assertEqual(self._db_booked(self.saturday), self._holding(self.saturday))
        # The place is given by the booking only.
        with self.assertRaisesRegex(UserError, "given by the booking"):
            other.write({"coop_slot_place": 1})

    def test_a_smaller_capacity_keeps_the_bookings_renumbered(self):
        """Lowering a slot's capacity moves the orders holding the places
        beyond it to free places within it; below the orders, refused."""
        first, second, third = self.orders[:3]
        for order in (first, second, third):
            order._coop_set_pickup_slot(self.friday)
        self.assertEqual(
            sorted((first | second | third).mapped("coop_slot_place")), [1, 2, 3]
        )
        # The holder of place 1 leaves: the others keep 2 and 3.
        holder_of_1 = (first | second | third).filtered(
            lambda o: o.coop_slot_place == 1
        )
        holder_of_1._coop_release_pickup_slot()
        staying = (first | second | third) - holder_of_1
        self.friday.capacity = 2
        self.env.flush_all()
        staying.invalidate_recordset(["coop_slot_place"])
        self.assertEqual(sorted(staying.mapped("coop_slot_place")), [1, 2])
        self.assertEqual(self._db_booked(self.friday), 2)
        self._check_booked_now()
        with (
            self.assertRaisesRegex(ValidationError, "more bookings than its"),
            self.cr.savepoint(),
        ):
            self.friday.capacity = 1
        # Full at 2: the next order is refused.
        with self.assertRaisesRegex(UserError, "full"):
            holder_of_1._coop_set_pickup_slot(self.friday)

    def test_a_negative_capacity_says_so(self):
        """Capacity −1: the error is "must be positive", not "more bookings
        than its capacity" (the bookings' constraint leaves a capacity that
        is itself wrong to the CHECK)."""
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError) as caught,
            self.cr.savepoint(),
        ):
            self.saturday.capacity = -1
            self.saturday.flush_recordset()
        self.assertIn("capacity_positive", str(caught.exception))

    def test_capacity_never_below_bookings(self):
        self.orders[0]._coop_set_pickup_slot(self.saturday)
        self.orders[1]._coop_set_pickup_slot(self.saturday)
        with (
            self.assertRaisesRegex(ValidationError, "more bookings than its capacity"),
            self.cr.savepoint(),
        ):
            self.saturday.capacity = 1
            self.saturday.flush_recordset()
        self.saturday.capacity = 4
        self.orders[2]._coop_set_pickup_slot(self.saturday)
        self.assertEqual(self._db_booked(self.saturday), 3)
