"""The journey simulator in every test run (issue #31): a seeded, bounded
run of tests/journeys.py on the demo, and the sequences it ever found
broken, kept as plain tests. ``make test-journeys`` runs a long one
(``STEPS``, 5,000 by default, with a random seed it prints)."""

import os
import time

import journeys
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from odoo import Command
from odoo.tests import HttpCase
from odoo.tools import mute_logger

# The CI's budget: sequences × steps (a few minutes).
EXAMPLES = int(os.environ.get("COOP_JOURNEY_EXAMPLES", "20"))
STEPS = int(os.environ.get("COOP_JOURNEY_STEPS", "12"))
SEED = os.environ.get("COOP_JOURNEY_SEED")


class TestJourneys(HttpCase):
    test_module, test_class, test_sequence = ("coop_repository", "TestJourneys", 0)
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Two more members on the shop: Camille at Tarif A (−60 %, 12,50 €
        # on her account), Fatima at the supportive Tarif D (30 € on hers,
        # topped up at the till).
        fatima = cls.env.ref("coop_members.coop_member_demo_09")
        card = cls.env["loyalty.card"].create(
            {
                "program_id": cls.env.ref("coop_wallet.coop_wallet_program").id,
                "partner_id": fatima.id,
                "points": 30.0,
            }
        )
        cls.env["loyalty.history"].create(
            {"card_id": card.id, "description": "Recharge à la caisse", "issued": 30.0}
        )
        portal = cls.env.ref("base.group_portal")
        for login, xmlid in (
            ("sim-a", "coop_members.coop_member_demo_01"),
            ("sim-d", "coop_members.coop_member_demo_09"),
        ):
            cls.env["res.users"].with_context(no_reset_password=True).create(
                {
                    "login": login,
                    "password": login,
                    "partner_id": cls.env.ref(xmlid).id,
                    "groups_id": [Command.set(portal.ids)],
                }
            )

        # The coop went live with Mollie: its members see it at checkout.
        cls.env.ref("payment.payment_provider_mollie").is_published = True

    def test_random_journeys_keep_money_and_privacy(self):
        journeys.Journeys.case = self
        journeys.Journeys.steps = 0
        journeys.Journeys.seconds = {"money": 0.0, "privacy": 0.0}
        start = time.monotonic()
        options = {
            "max_examples": EXAMPLES,
            "stateful_step_count": STEPS,
            "deadline": None,
            "database": None,
            "suppress_health_check": list(HealthCheck),
            "print_blob": True,
        }
        # The CI's run is the same every time; a long run is random.
        options["derandomize"] = SEED is None
        with mute_logger("odoo.http"):
            run_state_machine_as_test(journeys.Journeys, settings=settings(**options))
        seconds = time.monotonic() - start
        checks = journeys.Journeys.seconds
        print(
            f"journeys: {EXAMPLES} sequences, {journeys.Journeys.steps} steps in"
            f" {seconds:.0f} s ({journeys.Journeys.steps / seconds:.1f} steps/s;"
            f" money checker {checks['money']:.0f} s, privacy sweep"
            f" {checks['privacy']:.0f} s)"
        )

    # === Sequences the simulator found broken, kept as plain tests === #

    def replay(self, *actions):
        """Run ``actions`` ((rule name, arguments)) on a fresh machine, the
        invariants after each, as the simulator did (``Draws`` stands for
        the records the rule drew)."""
        journeys.Journeys.case = self
        machine = journeys.Journeys()
        try:
            machine.start()
            for name, arguments in actions:
                getattr(machine, name)(**arguments)
                machine.money_holds()
                machine.privacy_holds()
        finally:
            machine.teardown()

    def test_found_a_top_up_online(self):
        """Found on its first run: a top-up paid online put 10 € on the
        account, and the checker took the top-up for an order paid from the
        account (the checker's rule was wrong, not the money)."""
        with mute_logger("odoo.http"):
            self.replay(("top_up_online", {"login": "sim-a", "amount": 10}))

    def test_found_a_price_change_then_product_information(self):
        """Found on the first run with the shelf labels: the farm changed her
        potatoes' price, then her beetroot's ingredients; the member's page
        of the beetroot did not show them. The simulator's saves sent no
        context, and the session's second save wrote English: they send the
        web client's language now, as the web client does."""
        with mute_logger("odoo.http"):
            self.replay(
                (
                    "a_farm_changes_her_price_and_the_epicerie_reprints",
                    {"prints": False, "producer_price": 1.1},
                ),
                (
                    "a_farm_updates_her_product_information",
                    {
                        "ingredients": "Betteraves rouges, vinaigre de cidre,"
                        " graines de moutarde.",
                        "staff_checks": False,
                    },
                ),
            )

    def test_a_basket_paid_by_direct_debit_through_the_month(self):
        """Worked example: Amina (``membre``) pays her standing basket by
        direct debit once the office recorded her mandate; the cycle closes,
        the volunteer hands the basket over (its invoice, nothing collected),
        the month's debits take it and the bank returns one."""
        standing = self.env.ref("coop_marketplace.coop_standing_order_amina_demo")
        order = standing.order_ids.filtered(lambda o: o.state == "sale")[:1]
        self.assertTrue(order)
        journeys.Journeys.case = self
        machine = journeys.Journeys()
        try:
            machine.start()
            with mute_logger("odoo.http"):
                machine.membre_pays_her_basket_by_direct_debit(by_direct_debit=True)
                self.assertTrue(order.coop_mandate_id)
                machine.the_cycle_closes()
                machine.money_holds()
                self.assertFalse(order.coop_to_weigh)
                machine.hand_over(Draws(order))
                machine.money_holds()
                invoice = order.invoice_ids
                self.assertEqual(invoice.state, "posted")
                self.assertEqual(invoice.mandate_id, order.coop_mandate_id)
                self.assertEqual(order.coop_paid_at_pickup, 0.0)
                machine.the_month_is_debited(returned=False)
                machine.money_holds()
                machine.privacy_holds()
            self.assertTrue(
                invoice.currency_id.is_zero(invoice.amount_residual),
                "debited with the month's debits",
            )
        finally:
            machine.teardown()

    def test_found_a_farm_billing_her_second_delivery(self):
        """Found on a run with another number of examples: the squash farm
        delivered 93 % of P00008 and sent her Factur-X; Odoo kept the rest
        to receive; she delivered it and sent a second Factur-X. The
        simulator's farm billed everything received again (the first
        delivery twice), and Odoo rightly matched it to nothing: a farm
        bills what she has not billed yet."""
        order = self.env["purchase.order"].search([("name", "=", "P00008")])
        self.assertTrue(order)
        with mute_logger("odoo.http"):
            self.replay(
                ("a_farm_delivers_and_is_paid", {"data": Draws(order, 0.93, True)}),
                ("a_farm_delivers_and_is_paid", {"data": Draws(order, 1.07, True)}),
            )

    def test_found_a_farm_facturx_named_like_her_login(self):
        """Found on a run: after Élevage Vanackere's Factur-X (P00009), Ferme
        des Marais' Factur-X (P00008) made a bill with no seller: her
        invoice names her by name only, as many farms' software does, and
        Odoo's lookup by name also found "Thomas Delattre (Ferme des
        Marais)", her login's contact."""
        farms = self.env["purchase.order"].search(
            [("name", "in", ("P00008", "P00009"))], order="name desc"
        )
        self.assertEqual(len(farms), 2)
        with mute_logger("odoo.http"):
            self.replay(
                ("a_farm_delivers_and_is_paid", {"data": Draws(farms[0], 1, True)}),
                ("a_farm_delivers_and_is_paid", {"data": Draws(farms[1], 1.07, True)}),
            )

    def test_found_a_hand_over_after_a_shortage(self):
        """Found on a run: the first cycle closed (the orchard below its
        minimum: its apples came off Karim's order, S00002), the next one
        closed, and handing S00002 over failed on the apples' cancelled
        delivery move."""
        order = self.env["sale.order"].search([("name", "=", "S00002")])
        self.assertTrue(order)
        with mute_logger("odoo.http"):
            self.replay(
                ("the_cycle_closes", {}),
                ("the_cycle_closes", {}),
                ("hand_over", {"data": Draws(order)}),
            )

    def test_found_a_delivered_order_under_a_producers_minimum(self):
        """Found on a run (#32's CI): the demo's bike round of the open cycle
        delivered an order with the orchard's apples; the close then took
        the apples off (the orchard's minimum not reached) and Odoo refused
        to lower a delivered quantity: the close failed. What was handed
        over stays on the order."""
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        batch = self.env["stock.picking.batch"].search(
            [("coop_is_round", "=", True), ("coop_cycle_id", "=", cycle.id)], limit=1
        )
        stop = batch.coop_stop_ids.filtered(
            lambda stop: any(
                line.product_id.coop_producer_id.name == "Verger Debuyser"
                for line in stop.sale_id.order_line
            )
        ).sorted("id")[:1]
        self.assertTrue(stop, "a bike order with the orchard's apples")
        journeys.Journeys.case = self
        machine = journeys.Journeys()
        try:
            machine.start()
            # The courier's "Livré" (what /my/rounds/<id>/stop/<id>/delivered
            # runs), then the close.
            batch.with_user(machine.user("coursier")).action_coop_stop_delivered(
                stop.id
            )
            with mute_logger("odoo.http"):
                machine.the_cycle_closes()
            machine.money_holds()
            machine.privacy_holds()
            self.env.invalidate_all()
            apples = stop.sale_id.order_line.filtered(
                lambda line: line.product_id.coop_producer_id.name == "Verger Debuyser"
            )
            self.assertTrue(apples.qty_delivered)
            self.assertEqual(apples.product_uom_qty, apples.qty_delivered)
            self.assertIn(cycle.state, ("closed", "done"))
        finally:
            machine.teardown()

    def test_the_farms_deliver_a_closed_cycle_and_are_paid(self):
        """The close orders from the farms; the flat-rate market gardener
        delivers 7 % more by weight, a farm subject to VAT 7 % less; the
        manager issues their statements: each bill pays its statement to
        the cent, with no VAT for the first and food's 5.5 % for the
        other."""
        journeys.Journeys.case = self
        machine = journeys.Journeys()
        try:
            machine.start()
            machine.the_cycle_closes()
            orders = machine.farm_orders_to_receive().sorted("id")
            flat_rate = orders.filtered(
                lambda o: o.partner_id.coop_vat_regime == "flat_rate"
            )[:1]
            subject = orders.filtered(
                lambda o: (
                    o.partner_id.coop_vat_regime == "normal"
                    and o.partner_id.name != "Brasserie La Lilloise"
                )
            )[:1]
            self.assertTrue(flat_rate and subject)
            Statement = self.env["coop.producer.statement"]
            for order, factor in ((flat_rate, 1.07), (subject, 0.93)):
                with mute_logger("odoo.http"):
                    machine.a_farm_delivers_and_is_paid(
                        data=Draws(order, factor, False)
                    )
                machine.money_holds()
                machine.privacy_holds()
                statement = Statement.search(
                    [("producer_id", "=", order.partner_id.id)],
                    order="id desc",
                    limit=1,
                )
                bill = statement.vendor_bill_id
                self.assertEqual(bill.state, "posted")
                self.assertAlmostEqual(bill.amount_untaxed, statement.amount_net)
                self.assertTrue(statement.amount_net)
                if order == flat_rate:
                    self.assertEqual(bill.amount_tax, 0.0)
                    self.assertIn("298 quater", str(bill.narration))
                else:
                    self.assertEqual(
                        set(bill.invoice_line_ids.tax_ids.mapped("amount")), {5.5}
                    )
                    self.assertTrue(bill.amount_tax)
        finally:
            machine.teardown()

    def test_mollie_payments_that_come_late_go_back(self):
        """Mollie's notification comes when it comes: Camille paid her
        basket another way after leaving Mollie's page, then Mollie says
        paid; the close cancelled the basket whose page the member was on,
        then Mollie says paid. Each payment goes back (a to-do for the
        managers: Odoo does not refund through Mollie), the money checker
        and the privacy sweep after each step."""
        journeys.Journeys.case = self
        machine = journeys.Journeys()
        steps = [
            ("place_an_order", "membre", "mollie"),
            ("place_an_order", "sim-a", "mollie"),
            ("check_out", "sim-a", "online"),
            ("mollie_notifies", "sim-a", "paid"),
            ("the_cycle_closes", "membre", None),
            ("mollie_notifies", "membre", "paid"),
        ]
        try:
            machine.start()
            page_of = {}
            for name, login, means in steps:
                with mute_logger("odoo.http"):
                    if name == "place_an_order":
                        machine.place_an_order(
                            login, [(journeys.PRODUCTS[0], 2)], means, First()
                        )
                        page_of[login] = machine.on_mollies_page[-1]
                    elif name == "check_out":
                        machine.check_out(login, means, First())
                    elif name == "mollie_notifies":
                        machine.mollie_notifies(Draws(page_of[login]), means)
                    else:
                        machine.the_cycle_closes()
                machine.money_holds()
                machine.privacy_holds()
            for login, state in (("sim-a", "sale"), ("membre", "cancel")):
                tx = self.env["payment.transaction"].search(
                    [("reference", "=", page_of[login])]
                )
                order = tx.sale_order_ids
                self.assertEqual((tx.state, order.state), ("done", state))
                refund = order.coop_refund_ids.filtered(
                    lambda r: r.reason == "late_payment"
                )
                self.assertEqual(refund.state, "manual")
                self.assertAlmostEqual(refund.amount, tx.amount, places=2)
        finally:
            machine.teardown()


class Draws:
    """What a rule draws (``data.draw``), given: the records, in order."""

    def __init__(self, *records):
        self.records = list(records)

    def draw(self, strategy):
        return self.records.pop(0)


class First:
    """Draws the first of what a rule samples from."""

    def draw(self, strategy):
        return strategy.elements[0]
