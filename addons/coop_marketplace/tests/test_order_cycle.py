# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.coop_marketplace.tests import common


# post_install: the producers' and website's fields must be there.
@tagged("post_install", "-at_install", "coop_marketplace")
class TestOrderCycle(common.CoopMarketplaceCommon):
    def test_close_must_follow_open(self):
        now = fields.Datetime.now()
        for close in (now, now - timedelta(hours=1)):
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(IntegrityError),
                self.cr.savepoint(),
            ):
                self.env["coop.order.cycle"].create(
                    {
                        "name": "Backwards",
                        "open_datetime": now,
                        "close_datetime": close,
                        "pickup_date_from": self.PICKUP_FROM,
                        "pickup_date_to": self.PICKUP_TO,
                    }
                )

    def test_states(self):
        cycle = self.cycle
        self.assertEqual(cycle.state, "draft")
        with self.assertRaises(UserError):
            cycle.action_done()
        cycle.action_open()
        self.assertEqual(cycle.state, "open")
        self.assertEqual(cycle.slot_count, 2)
        with self.assertRaises(UserError):
            cycle.action_open()
        # The button starts the close; the job runs it step by step.
        cycle.action_close()
        self.assertEqual((cycle.state, cycle.close_step), ("closing", "carts"))
        self.assertEqual(cycle.close_progress, 0)
        cron = self.env.ref("coop_marketplace.ir_cron_coop_cycle_close")
        self.assertTrue(
            self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]),
            "the close job is triggered",
        )
        Cycle = self.env["coop.order.cycle"]
        Cycle._cron_close_steps()
        self.assertEqual(cycle.close_step, "minimums")
        self.assertEqual(cycle.close_progress, 17)
        for _step in range(5):
            Cycle._cron_close_steps()
        self.assertEqual(cycle.state, "closed")
        self.assertFalse(cycle.close_step)
        # Idempotent: the second close changes nothing.
        self.assertFalse(cycle._close())
        cycle.action_close()
        self.assertEqual(cycle.state, "closed")
        cycle.action_done()
        self.assertEqual(cycle.state, "done")
        cycle.action_close()
        self.assertEqual(cycle.state, "done")

    def test_open_needs_products(self):
        empty = self._create_cycle(name="Empty", products=self.env["product.product"])
        with self.assertRaises(UserError):
            empty.action_open()
        self.assertEqual(empty.state, "draft")

    def test_reset_only_without_orders(self):
        self.cycle.action_open()
        self.cycle.action_reset_draft()
        self.assertEqual(self.cycle.state, "draft")
        self.assertFalse(self.cycle.slot_ids, "empty slots are generated again")
        self.cycle.action_open()
        self.assertEqual(self.cycle.slot_count, 2)
        self._create_order(self.cycle)
        with self.assertRaises(UserError):
            self.cycle.action_reset_draft()
        self.assertEqual(self.cycle.state, "open")
        self.assertEqual(self.cycle.slot_count, 2)

    def test_only_draft_cycles_are_deleted(self):
        self.cycle.action_open()
        with self.assertRaises(UserError):
            self.cycle.unlink()
        draft = self._create_cycle(name="Draft")
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_product_offered_once(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.env["coop.order.cycle.line"].create(
                {"cycle_id": self.cycle.id, "product_id": self.carrots_product.id}
            )

    def test_add_producer_products(self):
        not_for_sale = self.env["product.template"].create(
            {
                "name": "Carottes fanes (hors vente)",
                "coop_producer_id": self.farm_a.id,
                "sale_ok": False,
            }
        )
        more = self.env["product.template"].create(
            {"name": "Panais A", "coop_producer_id": self.farm_a.id}
        )
        cycle = self._create_cycle(name="Farm A", products=self.carrots_product)
        cycle.producer_ids = self.farm_a
        cycle.action_add_producer_products()
        self.assertEqual(
            cycle.line_ids.product_id, self.carrots_product | more.product_variant_id
        )
        self.assertNotIn(not_for_sale.product_variant_id, cycle.line_ids.product_id)
        self.assertEqual(cycle.line_ids.producer_id, self.farm_a)
        # Again: nothing new, no duplicate.
        cycle.action_add_producer_products()
        self.assertEqual(len(cycle.line_ids), 2)

    def test_cron_opens_and_closes_on_time(self):
        now = fields.Datetime.now()
        later = self._create_cycle(name="Later")
        later.write(
            {
                "open_datetime": now + timedelta(days=1),
                "close_datetime": now + timedelta(days=3),
            }
        )
        empty = self._create_cycle(name="Empty", products=self.env["product.product"])
        Cycle = self.env["coop.order.cycle"]
        Cycle._cron_open_and_close()
        self.assertEqual(self.cycle.state, "open")
        self.assertEqual(self.cycle.slot_count, 2)
        self.assertEqual(later.state, "draft", "not yet")
        self.assertEqual(empty.state, "draft", "nothing to offer")
        with freeze_time(now + timedelta(days=1, minutes=1)):
            Cycle._cron_open_and_close()
            self.assertEqual(self.cycle.state, "open")
            self.assertEqual(later.state, "open")
        with freeze_time(now + timedelta(days=2, minutes=1)):
            Cycle._cron_open_and_close()
            # The close itself is its own job's, step by step.
            self.assertEqual(self.cycle.state, "closing")
            while self.cycle.state == "closing":
                Cycle._cron_close_steps()
            self.assertEqual(self.cycle.state, "closed")
            self.assertEqual(later.state, "open")
            Cycle._cron_open_and_close()
            self.assertEqual(self.cycle.state, "closed")
        with freeze_time(now + timedelta(days=4)):
            Cycle._cron_open_and_close()
            self.assertEqual(later.state, "closing")
            while later.state == "closing":
                Cycle._cron_close_steps()
            self.assertEqual(later.state, "closed")
        self.assertEqual(empty.state, "draft")

    def test_cron_is_scheduled(self):
        cron = self.env.ref("coop_marketplace.ir_cron_coop_order_cycles")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (15, "minutes"))

    def test_get_open_cycles(self):
        Cycle = self.env["coop.order.cycle"]
        self.assertFalse(Cycle._get_open_cycles())
        self.cycle.action_open()
        sooner = self._create_cycle(name="Sooner")
        sooner.close_datetime = fields.Datetime.now() + timedelta(days=1)
        sooner.action_open()
        self.assertEqual(Cycle._get_open_cycles(), sooner | self.cycle)
        self.assertEqual(Cycle._get_open_cycles(self.env.company)[:1], sooner)
        with freeze_time(fields.Datetime.now() + timedelta(days=1, minutes=1)):
            # Past its closing time, even before the cron closes it.
            self.assertEqual(Cycle._get_open_cycles(), self.cycle)
        other_company = self.env["res.company"].create({"name": "Autre épicerie"})
        self.assertFalse(Cycle._get_open_cycles(other_company))
        # A cycle of one website is not another website's.
        website = self.env["website"].create({"name": "Autre site"})
        sooner.website_id = website
        self.assertEqual(Cycle._get_open_cycles(website=website), sooner | self.cycle)
        self.assertEqual(
            Cycle._get_open_cycles(website=self.env["website"].get_current_website()),
            self.cycle,
        )
