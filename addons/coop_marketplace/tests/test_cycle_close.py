# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import RecordCapturer, new_test_user, tagged

from odoo.addons.coop_marketplace.models.coop_order_cycle import CLOSE_STEPS
from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestCycleClose(common.CoopMarketplaceCommon):
    """Closing a cycle: carts cancelled, producers pooled (one purchase order
    each), shortages taken off the last orders with a message, deliveries
    grouped per pickup slot, orders locked; a second close changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle.line_ids.filtered(
            lambda l: l.product_id == cls.carrots_product
        ).offered_qty = 10
        cls.cycle.action_open()
        cls.friday = cls.cycle.slot_ids.filtered(lambda s: s.capacity == 3)
        cls.saturday = cls.cycle.slot_ids.filtered(lambda s: s.capacity == 2)
        Partner = cls.env["res.partner"]
        cls.members = Partner.create(
            [
                {"name": f"Membre {i}", "email": f"membre{i}@example.org"}
                for i in range(3)
            ]
        )
        cls.orders = cls.env["sale.order"]
        for member, slot, carrots in zip(
            cls.members, (cls.friday, cls.friday, cls.saturday), (4, 3, 3), strict=True
        ):
            order = cls.env["sale.order"].create(
                {
                    "partner_id": member.id,
                    "coop_cycle_id": cls.cycle.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.carrots_product.id,
                                "product_uom_qty": carrots,
                            }
                        ),
                        Command.create(
                            {"product_id": cls.beer_product.id, "product_uom_qty": 2}
                        ),
                    ],
                }
            )
            order._coop_set_pickup_slot(slot)
            order.action_confirm()
            cls.orders |= order
        cls.cart = cls._create_order(cls.cycle, qty=1)
        cls.cart._coop_set_pickup_slot(cls.saturday)

    def test_close_pools_in_the_cycles_company(self):
        """The close cron runs every company's cycles as one user: the
        pooling lands in the cycle's company, not in the user's."""
        company_b = self.env["res.company"].create({"name": "Épicerie d'Arras"})
        cycle = self._create_cycle("Cycle d'Arras", company_id=company_b.id)
        self.assertNotEqual(self.env.company, company_b)
        cycle._close_orders()
        self.assertEqual(cycle.pooling_id.company_id, company_b)

    def test_the_cron_closes_each_company_in_its_own(self):
        """The close cron, run as a user of company A, closes company B's
        cycle in B; A's marketplace manager sees none of B's pooling."""
        company_b = self.env["res.company"].create({"name": "Épicerie d'Arras"})
        cycle = self._create_cycle("Cycle d'Arras", company_id=company_b.id)
        now = fields.Datetime.now()
        cycle.write(
            {
                "state": "open",
                "open_datetime": now - timedelta(days=1),
                "close_datetime": now - timedelta(hours=1),
            }
        )
        self.env["coop.order.cycle"]._cron_open_and_close()
        self.assertEqual(cycle.state, "closing")
        while cycle.state == "closing":
            self.env["coop.order.cycle"]._cron_close_steps()
        self.assertEqual(cycle.state, "closed")
        self.assertEqual(cycle.pooling_id.company_id, company_b)
        manager = self.manager.with_user(self.manager)
        self.assertFalse(
            manager.env["coop.pooling"].search([("id", "=", cycle.pooling_id.id)])
        )

    def test_a_closes_pooling_is_not_pooled_again_by_hand(self):
        """The close took its shortages off the orders and refunded them:
        the "Pool" button is hidden and refused on its pooling."""
        self.cycle._close_orders()
        pooling = self.cycle.pooling_id
        self.assertTrue(pooling.locked)
        orders = pooling.purchase_order_ids
        with self.assertRaises(UserError):
            pooling.action_pool()
        self.assertEqual(pooling.purchase_order_ids, orders)
        view = self.env.ref("coop_producers.coop_pooling_view_form")
        self.assertIn('invisible="locked"', view.arch_db)

    def test_close(self):
        # The member reads French: the close's email to her is in French,
        # whoever runs the close.
        self.member.lang = "fr_FR"
        # Farm A can only bring 8 carrots after all (10 were offered).
        self.cycle.line_ids.filtered(
            lambda l: l.product_id == self.carrots_product
        ).offered_qty = 8
        self.cycle._close()
        self.assertEqual(self.cycle.state, "closed")
        # The unpaid cart is cancelled and its slot given back.
        self.assertEqual(self.cart.state, "cancel")
        self.assertEqual(self.saturday.booked, 1)
        # One purchase order per producer, for what the orders hold.
        orders = self.cycle.pooling_id.purchase_order_ids
        self.assertEqual(orders.partner_id, self.farm_a | self.farm_b)
        po_a = orders.filtered(lambda o: o.partner_id == self.farm_a)
        self.assertEqual(po_a.order_line.product_qty, 8)
        po_b = orders.filtered(lambda o: o.partner_id == self.farm_b)
        self.assertEqual(po_b.order_line.product_qty, 6)
        # 2 carrots missing: taken off the last order (first come, first
        # served), whose member is told by email.
        last = self.orders[-1]
        carrots = last.order_line.filtered(
            lambda l: l.product_id == self.carrots_product
        )
        self.assertEqual(carrots.product_uom_qty, 1)
        self.assertEqual(
            self.orders[0]
            .order_line.filtered(lambda l: l.product_id == self.carrots_product)
            .product_uom_qty,
            4,
        )
        self.assertAlmostEqual(
            last.coop_shortage_amount, 2 * self.carrots_product.lst_price, places=2
        )
        message = last.message_ids.filtered(
            lambda m: last.partner_id in m.partner_ids and "retirés" in m.body
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Carottes A", message.body)
        self.assertTrue(
            self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        )
        self.assertFalse(
            self.orders[0].message_ids.filtered(
                lambda m: (
                    self.orders[0].partner_id in m.partner_ids
                    and "retirés" in (m.body or "")
                )
            )
        )
        # One batch per slot, holding the deliveries of its orders.
        batches = self.cycle.batch_ids
        self.assertEqual(batches.coop_slot_id, self.friday | self.saturday)
        friday_batch = batches.filtered(lambda b: b.coop_slot_id == self.friday)
        self.assertEqual(friday_batch.picking_ids, self.orders[:2].picking_ids)
        # Orders are locked.
        self.assertTrue(all(self.orders.mapped("locked")))

        # Closing again (cron and button racing) changes nothing.
        self.cycle._close()
        self.assertEqual(self.cycle.pooling_id.purchase_order_ids, orders)
        self.assertEqual(self.cycle.batch_ids, batches)
        self.assertEqual(
            len(last.message_ids.filtered(lambda m: "retirés" in m.body)), 1
        )

    def test_distribution_list(self):
        self.cycle._close()
        groups = self.cycle._distribution_groups()
        self.assertEqual([g["slot"] for g in groups], [self.friday, self.saturday])
        self.assertEqual(groups[0]["orders"], self.orders[:2])
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "coop_marketplace.action_report_distribution_list", self.cycle.ids
        )
        html = html.decode()
        for member in self.members:
            self.assertIn(member.name, html)
        self.assertIn("Carottes A", html)

    def test_close_without_shortage_sends_nothing(self):
        self.cycle._close()
        for order in self.orders:
            self.assertFalse(order.coop_shortage_amount)
        self.assertFalse(self.cycle.pooling_id.shortage_ids)

    def test_pickup_day(self):
        self.cycle._close()
        order = self.orders[0]
        as_volunteer = order.with_user(self.volunteer)
        self.assertFalse(as_volunteer.coop_collected)
        as_volunteer.action_coop_mark_collected()
        self.assertTrue(order.coop_collected)
        deliveries = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        self.assertEqual(set(deliveries.mapped("state")), {"done"})
        self.assertEqual(
            sum(deliveries.move_ids.mapped("quantity")),
            sum(order.order_line.mapped("product_uom_qty")),
        )
        # Volunteers see only orders to hand over; others can't tick.
        no_slot = self.env["sale.order"].create({"partner_id": self.member.id})
        with self.assertRaises(AccessError):
            no_slot.with_user(self.volunteer).read(["name"])
        with self.assertRaises(AccessError):
            self.orders[1].with_user(self.portal_member).action_coop_mark_collected()
        with self.assertRaises(AccessError):
            self.orders[1].with_user(self.logistics).action_coop_mark_collected()
        self.assertFalse(self.orders[1].coop_collected)
        # Managers hand over too (they are volunteers as well).
        self.orders[1].with_user(self.manager).action_coop_mark_collected()
        self.assertTrue(self.orders[1].coop_collected)

    def test_close_queries_do_not_grow_with_orders(self):
        def close_queries(order_count):
            cycle = self._create_cycle(f"Cycle {order_count}")
            cycle.action_open()
            slot = cycle.slot_ids.filtered(lambda s: s.capacity == 3)
            slot.capacity = order_count
            for member in self.env["res.partner"].create(
                [{"name": f"M{order_count}-{i}"} for i in range(order_count)]
            ):
                order = self._create_order(cycle, qty=2, partner=member)
                order._coop_set_pickup_slot(slot)
                order.action_confirm()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            cycle._close()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        close_queries(2)  # warm the caches
        few, many = close_queries(3), close_queries(12)
        # Same producers and slots: four times the orders, a few queries more
        # at most (batched reads and writes), not one per order.
        self.assertLessEqual(
            many, few + 8, f"{few} queries for 3 orders, {many} for 12"
        )

    # --- What was paid for missing items goes back ---

    def _pay(self, order, provider, reference):
        tx = self.env["payment.transaction"].create(
            {
                "provider_id": provider.id,
                "payment_method_id": provider.with_context(active_test=False)
                .payment_method_ids[:1]
                .id,
                "amount": order.amount_total,
                "currency_id": order.currency_id.id,
                "partner_id": order.partner_id.id,
                "reference": reference,
                "sale_order_ids": [Command.set(order.ids)],
            }
        )
        tx._set_done()
        return tx

    def _close_two_carrots_short(self):
        self.cycle.line_ids.filtered(
            lambda l: l.product_id == self.carrots_product
        ).offered_qty = 8
        self.cycle._close()
        return self.orders[-1]

    def test_shortage_refunded_through_the_provider(self):
        # Odoo's demo provider (installed with the test database) refunds
        # partially, like Stripe or Mollie.
        provider = self.env.ref("payment.payment_provider_demo")
        provider.state = "test"
        last = self.orders[-1]
        paid_tx = self._pay(last, provider, "COOP-SHORT-1")
        cron = self.env.ref("coop_marketplace.ir_cron_coop_order_refunds")
        with RecordCapturer(
            self.env["ir.cron.trigger"].sudo(), [("cron_id", "=", cron.id)]
        ) as triggers:
            last = self._close_two_carrots_short()
        refund = last.coop_refund_ids
        self.assertEqual(len(refund), 1)
        self.assertAlmostEqual(
            refund.amount, 2 * self.carrots_product.lst_price, places=2
        )
        self.assertEqual(refund.amount, last.coop_shortage_amount)
        self.assertEqual(refund.company_id, last.company_id)
        # Nothing is sent inside the close: the refunds' own job sends it
        # once the close is committed, and the close asked for it to run.
        self.assertEqual(refund.state, "pending")
        self.assertEqual(last.coop_refund_state, "to_refund")
        self.assertEqual(len(triggers.records), 1)
        self.env["coop.order.cycle"]._cron_open_and_close()
        self.assertFalse(paid_tx.child_transaction_ids)
        self.assertFalse(refund.activity_ids)

        common.run_job(self.env, "coop_marketplace.ir_cron_coop_order_refunds")
        refund_tx = paid_tx.child_transaction_ids
        self.assertEqual(refund_tx.operation, "refund")
        self.assertEqual(refund_tx.state, "done")
        self.assertAlmostEqual(refund_tx.amount, -refund.amount, places=2)
        self.assertEqual(refund_tx.sale_order_ids, last)
        self.assertEqual(refund.transaction_ids, refund_tx)
        self.assertEqual(refund.state, "sent")
        self.assertEqual(last.coop_refund_state, "refunded")
        # Never twice.
        common.run_job(self.env, "coop_marketplace.ir_cron_coop_order_refunds")
        with self.assertRaises(UserError):
            refund.action_send()
        self.assertEqual(paid_tx.child_transaction_ids, refund_tx)
        # The first orders, untouched, have nothing to refund.
        self.assertFalse(self.orders[0].coop_refund_ids)

    def test_a_payment_confirmed_after_the_close_goes_back(self):
        """The member is on the provider's page when the cycle closes: her
        cart is cancelled with the other unpaid ones. The provider confirms
        the payment afterwards (Mollie's notification can come minutes
        later): it paid for nothing, so it goes back, she is told in
        French, and the money checker stays clean."""
        provider = self.env.ref("payment.payment_provider_demo")
        provider.state = "test"
        self.cart.partner_id.lang = "fr_FR"
        tx = self.env["payment.transaction"].create(
            {
                "provider_id": provider.id,
                "payment_method_id": provider.with_context(active_test=False)
                .payment_method_ids[:1]
                .id,
                "amount": self.cart.amount_total,
                "currency_id": self.cart.currency_id.id,
                "partner_id": self.cart.partner_id.id,
                "reference": "COOP-LATE-1",
                "sale_order_ids": [Command.set(self.cart.ids)],
            }
        )
        tx._set_pending()
        self.cycle._close()
        self.assertEqual(self.cart.state, "cancel")

        tx._set_done()
        tx._post_process()
        self.assertEqual(self.cart.state, "cancel")
        refund = self.cart.coop_refund_ids
        self.assertEqual(refund.reason, "late_payment")
        self.assertAlmostEqual(refund.amount, self.cart.amount_total, places=2)
        self.assertEqual(refund.state, "pending")
        message = self.cart.message_ids.filtered(
            lambda m: self.cart.partner_id in m.partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertIn("après l'annulation de votre panier", message.body)
        self.assertIn("vous sera remboursé", message.body)
        self.assertFalse(
            self.env["coop.money.checker"]._problems(),
        )
        # Post-processed again (the payment cron racing the notification):
        # refunded once.
        tx._post_process()
        self.assertEqual(self.cart.coop_refund_ids, refund)

    def test_a_refund_killed_while_sending_is_sent_once_later(self):
        """The refunds' job killed in the middle of a refund (not an error
        it catches: the worker dies): that refund is rolled back whole and
        still pending; the next run sends it, once."""
        provider = self.env.ref("payment.payment_provider_demo")
        provider.state = "test"
        paid_tx = self._pay(self.orders[-1], provider, "COOP-SHORT-KILL")
        refund = self._close_two_carrots_short().coop_refund_ids
        Refund = type(self.env["coop.order.refund"])
        send = Refund._send

        def killed_after_sending(refund):
            send(refund)
            refund.env.flush_all()
            raise KeyboardInterrupt("worker killed")

        with (
            patch.object(Refund, "_send", killed_after_sending),
            self.assertRaises(KeyboardInterrupt),
        ):
            self.env["coop.order.refund"]._cron_send_pending()
        self.env.invalidate_all()
        self.assertEqual(refund.state, "pending")
        self.assertFalse(paid_tx.child_transaction_ids)
        common.run_job(self.env, "coop_marketplace.ir_cron_coop_order_refunds")
        common.run_job(self.env, "coop_marketplace.ir_cron_coop_order_refunds")
        self.assertEqual(refund.state, "sent")
        self.assertEqual(len(paid_tx.child_transaction_ids), 1)

    def test_shortage_paid_otherwise_is_a_todo(self):
        # "Pay at pickup" (payment_custom) can't refund: marked paid here,
        # the refund is left to the managers.
        provider = self.env.ref("coop_marketplace.payment_provider_coop_at_pickup")
        provider.state = "enabled"
        last = self.orders[-1]
        self._pay(last, provider, "COOP-SHORT-2")
        last = self._close_two_carrots_short()
        refund = last.coop_refund_ids
        self.assertEqual(refund.state, "manual")
        self.assertEqual(len(refund.activity_ids), 1)
        self.assertIn("Refund", refund.activity_ids.summary)
        common.run_job(self.env, "coop_marketplace.ir_cron_coop_order_refunds")
        self.assertEqual(refund.state, "manual")
        self.assertEqual(len(refund.activity_ids), 1)
        with self.assertRaises(UserError):
            refund.action_send()
        # The managers refund by hand and say so: the to-do is done.
        refund.action_mark_refunded()
        self.assertEqual(refund.state, "done")
        self.assertFalse(refund.activity_ids)
        self.assertEqual(last.coop_refund_state, "refunded")
        with self.assertRaises(UserError):
            refund.action_mark_refunded()

    def test_shortage_refunds_are_the_managers(self):
        provider = self.env.ref("payment.payment_provider_demo")
        provider.state = "test"
        self._pay(self.orders[-1], provider, "COOP-SHORT-3")
        refund = self._close_two_carrots_short().coop_refund_ids
        Refund = self.env["coop.order.refund"]
        self.assertIn(refund, Refund.with_user(self.manager).search([]))
        # The order's salesperson, who gets the to-do, reads it too.
        salesperson = new_test_user(
            self.env, login="coop_refund_sales", groups="sales_team.group_sale_salesman"
        )
        self.assertIn(refund, Refund.with_user(salesperson).search([]))
        for user in (self.volunteer, self.portal_member):
            with self.assertRaises(AccessError):
                Refund.with_user(user).search([])
        # Money is never deleted, not even by its managers.
        with self.assertRaises(AccessError):
            refund.with_user(self.manager).unlink()

    def test_shortage_unpaid_lowers_the_total(self):
        last = self.orders[-1]
        total = last.amount_total
        last = self._close_two_carrots_short()
        self.assertAlmostEqual(
            last.amount_total, total - last.coop_shortage_amount, places=2
        )
        self.assertFalse(last.coop_refund_ids)
        self.assertFalse(last.coop_refund_state)
        self.assertFalse(last.activity_ids)

    def test_shortage_of_an_invoiced_order_gets_a_credit_note(self):
        last = self.orders[-1]
        invoice = last._create_invoices()
        invoice.action_post()
        last = self._close_two_carrots_short()
        credit_note = last.invoice_ids - invoice
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.state, "posted")
        self.assertAlmostEqual(
            credit_note.amount_total, last.coop_shortage_amount, places=2
        )
        carrots = credit_note.invoice_line_ids
        self.assertEqual(carrots.product_id, self.carrots_product)
        self.assertEqual(carrots.quantity, 2)
        # Closing again makes no second credit note.
        self.cycle._close()
        self.assertEqual(last.invoice_ids, invoice | credit_note)


@tagged("post_install", "-at_install", "coop_marketplace")
class TestCycleCloseResumable(TestCycleClose):
    """The background close, killed at any step, finishes on the next run
    with what an uninterrupted close makes, nothing twice. (The close's
    own tests run again here on the same fixture: the close is the same.)"""

    def _snapshot(self):
        """What a close makes, comparable from one close to another (record
        ids of what the close creates differ; what they hold must not)."""
        cycle = self.cycle
        pooling = cycle.pooling_id
        refunds = self.env["coop.order.refund"].search([("cycle_id", "=", cycle.id)])
        return {
            "state": (cycle.state, cycle.close_step),
            "purchases": sorted(
                (po.partner_id.id, line.product_id.id, line.product_qty)
                for po in pooling.purchase_order_ids
                for line in po.order_line
            ),
            "shortages": sorted(
                (s.product_id.id, s.missing) for s in pooling.shortage_ids
            ),
            "lines": sorted(
                (line.order_id.id, line.product_id.id, line.product_uom_qty)
                for line in self.orders.order_line
            ),
            "refunds": sorted((r.order_id.id, r.amount, r.state) for r in refunds),
            "batches": sorted(
                (batch.coop_slot_id.id, tuple(sorted(batch.picking_ids.ids)))
                for batch in cycle.batch_ids
            ),
            "cart": self.cart.state,
            "locked": self.orders.mapped("locked"),
        }

    def _job_run(self):
        """One call of the close job, in its own transaction (a savepoint
        here: Odoo commits after each call)."""
        with self.env.cr.savepoint():
            self.env["coop.order.cycle"]._cron_close_steps()
        self.env.invalidate_all()

    def test_a_killed_close_resumes_to_the_same_result(self):
        provider = self.env.ref("payment.payment_provider_demo")
        provider.state = "test"
        self._pay(self.orders[-1], provider, "COOP-RESUME")
        # Two kilos of carrots short: shortages, a refund to make.
        self.cycle.line_ids.filtered(
            lambda l: l.product_id == self.carrots_product
        ).offered_qty = 8
        Cycle = type(self.env["coop.order.cycle"])
        with self.env.cr.savepoint() as savepoint:
            self.cycle._close()
            expected = self._snapshot()
            savepoint.rollback()
        self.env.invalidate_all()
        self.assertEqual(expected["state"], ("closed", False))
        self.assertTrue(expected["shortages"] and expected["refunds"])
        self.assertTrue(expected["purchases"] and expected["batches"])

        for crash_at in CLOSE_STEPS:
            with self.subTest(crash_at=crash_at), self.env.cr.savepoint() as run:
                step = getattr(Cycle, f"_close_step_{crash_at}")

                def crash_after(cycle, step=step):
                    step(cycle)
                    cycle.env.flush_all()
                    raise RuntimeError("worker killed")

                self.cycle.action_close()
                with (
                    patch.object(Cycle, f"_close_step_{crash_at}", crash_after),
                    self.assertRaisesRegex(RuntimeError, "worker killed"),
                ):
                    for _call in CLOSE_STEPS:
                        self._job_run()
                # The step was rolled back whole: the close waits there.
                self.assertEqual(self.cycle.state, "closing")
                self.assertEqual(self.cycle.close_step, crash_at)
                while self.cycle.state == "closing":
                    self._job_run()
                self.assertEqual(self._snapshot(), expected)
                # Another complete run changes nothing.
                self.cycle._close()
                self._job_run()
                self.assertEqual(self._snapshot(), expected)
                run.rollback()
            self.env.invalidate_all()
