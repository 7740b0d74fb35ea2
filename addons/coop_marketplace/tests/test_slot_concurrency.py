# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

from psycopg2 import OperationalError

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


# A BaseCase, not a TransactionCase: the bookings must run in real,
# concurrent transactions, so the data is committed beforehand (and deleted
# afterwards). A TransactionCase would route every cursor to its own.
@tagged("post_install", "-at_install", "coop_marketplace")
class TestSlotConcurrency(BaseCase):
    """``threads`` checkouts at once on a slot of ``capacity`` places; other
    addons run the same race on their own kind of slot (``_slot_values``,
    ``_order_values``, ``_book_once``)."""

    threads = 8
    capacity = 3

    @classmethod
    def _partner_values(cls, index):
        return {"name": f"Concurrent member {index}"}

    @classmethod
    def _slot_values(cls, env):
        return {"capacity": cls.capacity}

    @classmethod
    def _order_values(cls, env):
        return {}

    def _book_once(self, order, slot):
        """One checkout's booking, as the slot step does it."""
        order._coop_set_pickup_slot(slot)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        cls.addClassCleanup(cls._delete_data)
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            cls.partner_ids = (
                env["res.partner"]
                .create([cls._partner_values(i) for i in range(cls.threads)])
                .ids
            )
            product = env["product.product"].create({"name": "Concurrent basket"})
            cls.product_id = product.id
            cls.point_id = (
                env["coop.pickup.point"]
                .create({"name": "Concurrent point", "partner_id": cls.partner_ids[0]})
                .id
            )
            now = fields.Datetime.now()
            cycle = env["coop.order.cycle"].create(
                {
                    "name": "Concurrent cycle",
                    "open_datetime": now - timedelta(hours=1),
                    "close_datetime": now + timedelta(days=1),
                    "pickup_date_from": date(2030, 1, 4),
                    "pickup_date_to": date(2030, 1, 4),
                    "line_ids": [(0, 0, {"product_id": product.id})],
                }
            )
            cycle.action_open()  # the point has no template: no slot
            cls.cycle_id = cycle.id
            start = fields.Datetime.to_datetime("2030-01-04 16:00:00")
            cls.slot_id = (
                env["coop.slot"]
                .create(
                    {
                        "cycle_id": cycle.id,
                        "point_id": cls.point_id,
                        "start_datetime": start,
                        "end_datetime": start + timedelta(hours=2),
                        **cls._slot_values(env),
                    }
                )
                .id
            )
            cls.order_ids = (
                env["sale.order"]
                .create(
                    [
                        {
                            "partner_id": partner_id,
                            "coop_cycle_id": cycle.id,
                            **cls._order_values(env),
                        }
                        for partner_id in cls.partner_ids
                    ]
                )
                .ids
            )
        # leaving the ``with`` commits

    @classmethod
    def _delete_data(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            # In dependency order; whatever setUpClass had time to create.
            for model, attribute in (
                ("sale.order", "order_ids"),
                ("coop.order.cycle", "cycle_id"),  # and its lines and slots
                ("coop.pickup.point", "point_id"),
                ("product.product", "product_id"),
                ("res.partner", "partner_ids"),
            ):
                records = env[model].browse(getattr(cls, attribute, [])).exists()
                if model == "coop.order.cycle":
                    records.state = "draft"  # only drafts can be deleted
                records.unlink()

    def _book(self, order_id, barrier, retries):
        """One checkout in its own transaction, retried on serialization
        failures as Odoo retries a request (each retry is appended to
        ``retries``). Returns True if booked."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, DISABLED_MAIL_CONTEXT)
            barrier.wait(timeout=10)
            for __ in range(50):
                order = env["sale.order"].browse(order_id)
                slot = env["coop.slot"].browse(self.slot_id)
                try:
                    self._book_once(order, slot)
                    env.flush_all()
                    cr.commit()  # pylint: disable=invalid-commit
                    return True
                except UserError:
                    cr.rollback()
                    return False
                except OperationalError as error:
                    if not isinstance(error, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY):
                        raise
                    retries.append(order_id)
                    cr.rollback()
                    env.invalidate_all(flush=False)
                    time.sleep(0.01)
            raise AssertionError("too many serialization failures")

    @mute_logger("odoo.sql_db")
    def test_concurrent_bookings_never_exceed_capacity(self):
        barrier, retries = threading.Barrier(self.threads), []
        with ThreadPoolExecutor(max_workers=self.threads) as executor:
            futures = [
                executor.submit(self._book, order_id, barrier, retries)
                for order_id in self.order_ids
            ]
            results = [future.result(timeout=60) for future in futures]
        self.assertEqual(results.count(True), self.capacity, results)
        # The checkouts never waited for each other on a shared row: no
        # serialization failure, no checkout done twice.
        self.assertEqual(retries, [])
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*), count(DISTINCT coop_slot_place),"
                " min(coop_slot_place), max(coop_slot_place)"
                " FROM sale_order WHERE coop_slot_id = %s",
                [self.slot_id],
            )
            self.assertEqual(
                cr.fetchone(), (self.capacity, self.capacity, 1, self.capacity)
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.assertEqual(
                env["coop.slot"].browse(self.slot_id).booked, self.capacity
            )
