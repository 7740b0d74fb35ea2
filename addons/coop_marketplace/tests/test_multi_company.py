# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestMultiCompany(common.CoopMarketplaceCommon):
    """Company B's cycle, closed by the cron that runs every company's cycles
    as one user of company A: everything the close and its jobs create lands
    in B (slots, pooling, purchase orders, batches, refunds and their
    transactions), and company A's staff sees none of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Épicerie d'Arras"})
        company_b = cls.company_b
        cls.point_b = cls.env["coop.pickup.point"].create(
            {
                "name": "Arras, place des Héros",
                "company_id": company_b.id,
                "partner_id": cls.env["res.partner"]
                .create({"name": "Halle d'Arras", "tz": "Europe/Paris"})
                .id,
                "slot_template_ids": [
                    Command.create(
                        {
                            "weekday": "4",
                            "hour_from": 17,
                            "hour_to": 19,
                            "capacity": 5,
                        }
                    )
                ],
            }
        )
        cls.cycle_b = cls._create_cycle("Cycle d'Arras", company_id=company_b.id)
        cls.cycle_b.line_ids.filtered(
            lambda line: line.product_id == cls.carrots_product
        ).offered_qty = 2
        cls.cycle_b.action_open()
        cls.slot_b = cls.cycle_b.slot_ids
        Order = cls.env["sale.order"].with_company(company_b)
        cls.order_b = Order.create(
            {
                "partner_id": cls.member.id,
                "company_id": company_b.id,
                "coop_cycle_id": cls.cycle_b.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.carrots_product.id, "product_uom_qty": 3}
                    )
                ],
            }
        )
        cls.order_b._coop_set_pickup_slot(cls.slot_b)
        cls.order_b.action_confirm()
        # Company B's own online payment provider (Odoo's demo provider
        # refunds partially, like Stripe or Mollie).
        provider_b = cls.env.ref("payment.payment_provider_demo").copy(
            {"company_id": company_b.id, "state": "test"}
        )
        cls.paid_tx = cls.env["payment.transaction"].create(
            {
                "provider_id": provider_b.id,
                "payment_method_id": cls.env.ref("payment.payment_method_unknown").id,
                "amount": cls.order_b.amount_total,
                "currency_id": cls.order_b.currency_id.id,
                "partner_id": cls.member.id,
                "reference": "COOP-ARRAS-1",
                "sale_order_ids": [Command.set(cls.order_b.ids)],
            }
        )
        cls.paid_tx._set_done()

    def _close_by_the_cron(self):
        """Company B's cycle is due; the crons run as company A's user."""
        now = fields.Datetime.now()
        self.cycle_b.write(
            {
                "open_datetime": now - timedelta(days=1),
                "close_datetime": now - timedelta(hours=1),
            }
        )
        cron_env = self.env(context={"allowed_company_ids": [self.env.company.id]})
        self.assertNotEqual(cron_env.company, self.company_b)
        cron_env["coop.order.cycle"]._cron_open_and_close()
        # The close's own job, step by step, as company A's user too.
        for _step in range(10):
            cron_env["coop.order.cycle"]._cron_close_steps()
        common.run_job(cron_env, "coop_marketplace.ir_cron_coop_order_refunds")

    def test_the_close_and_its_jobs_create_in_the_cycles_company(self):
        self.assertEqual(self.slot_b.company_id, self.company_b)
        self.assertEqual(self.slot_b.booked, 1)
        self._close_by_the_cron()
        company_b = self.company_b
        self.assertEqual(self.cycle_b.state, "closed")
        pooling = self.cycle_b.pooling_id
        self.assertEqual(pooling.company_id, company_b)
        self.assertTrue(pooling.purchase_order_ids)
        self.assertEqual(pooling.purchase_order_ids.company_id, company_b)
        batches = self.env["stock.picking.batch"].search(
            [("coop_cycle_id", "=", self.cycle_b.id)]
        )
        self.assertEqual(len(batches), 1)
        self.assertEqual(batches.company_id, company_b)
        self.assertEqual(batches.picking_ids.company_id, company_b)
        # One carrot of three was missing: refunded through B's provider.
        refund = self.order_b.coop_refund_ids
        self.assertEqual(refund.company_id, company_b)
        self.assertEqual(refund.state, "sent")
        self.assertAlmostEqual(refund.amount, self.carrots_product.lst_price, places=2)
        self.assertEqual(refund.transaction_ids.company_id, company_b)
        self.assertEqual(self.order_b.order_line.product_uom_qty, 2)

    def test_company_a_sees_nothing_of_b(self):
        self._close_by_the_cron()
        records = {
            "coop.order.cycle": self.cycle_b,
            "coop.order.cycle.line": self.cycle_b.line_ids,
            "coop.pickup.point": self.point_b,
            "coop.slot": self.slot_b,
            "coop.pooling": self.cycle_b.pooling_id,
            "purchase.order": self.cycle_b.pooling_id.purchase_order_ids,
            "stock.picking.batch": self.env["stock.picking.batch"].search(
                [("coop_cycle_id", "=", self.cycle_b.id)]
            ),
            "coop.order.refund": self.order_b.coop_refund_ids,
            "sale.order": self.order_b,
        }
        for user in (self.manager, self.volunteer):
            for model, found in records.items():
                self.assertTrue(found, model)
                with self.subTest(user=user.login, model=model):
                    env = self.env(user=user)
                    if not env[model].has_access("read"):
                        continue
                    self.assertFalse(
                        env[model].search([("id", "in", found.ids)]),
                        f"{user.login} of company A sees company B's {model}",
                    )
        # Once given company B, the manager sees its records.
        self.manager.company_ids |= self.company_b
        manager_b = self.env(
            user=self.manager, context={"allowed_company_ids": self.company_b.ids}
        )
        self.assertEqual(
            manager_b["coop.order.refund"].search([]),
            self.order_b.coop_refund_ids,
        )
