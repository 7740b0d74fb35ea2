# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo import http
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace")
class TestStandingOrders(common.CoopMarketplaceCommon):
    """Standing baskets: a cycle's opening creates one order per active
    subscription, never two, within the slots' capacity; skipped or paused
    subscriptions create nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carrots.coop_standing_max = 10
        # Saturday morning: 2 places.
        cls.saturday = cls.point.slot_template_ids.filtered(lambda t: t.weekday == "5")
        cls.members = cls.env["res.partner"].create(
            [
                {"name": f"Abonné {i}", "email": f"abonne{i}@example.org"}
                for i in range(4)
            ]
        )
        cls.standing = cls.env["coop.standing.order"].create(
            [
                {
                    "partner_id": member.id,
                    "product_id": cls.carrots_product.id,
                    "quantity": 2,
                    "point_id": cls.point.id,
                    "slot_template_id": cls.saturday.id,
                    "date_start": cls.PICKUP_FROM,
                }
                for member in cls.members
            ]
        )

    def _orders(self):
        return self.env["sale.order"].search(
            [
                ("coop_cycle_id", "=", self.cycle.id),
                ("coop_standing_order_id", "!=", False),
            ]
        )

    def test_opening_creates_one_order_per_subscription_within_capacity(self):
        self.cycle.action_open()
        created = self.env["coop.standing.order"]._create_standing_orders(self.cycle)
        orders = self._orders()
        self.assertEqual(orders, created)
        # Saturday holds 2: the first two subscribers, confirmed, booked.
        self.assertEqual(orders.coop_standing_order_id, self.standing[:2])
        saturday = self.cycle.slot_ids.filtered(lambda s: s.capacity == 2)
        self.assertEqual(orders.coop_slot_id, saturday)
        self.assertEqual(saturday.booked, 2)
        for order in orders:
            self.assertEqual(order.state, "sale")
            self.assertEqual(order.order_line.filtered("product_id").product_uom_qty, 2)
            self.assertAlmostEqual(
                order.order_line.price_unit,
                order.pricelist_id._get_product_price(self.carrots_product, 2.0),
            )
        # The others are told there is no place, and get no order.
        for standing in self.standing[2:]:
            message = standing.message_ids[:1]
            self.assertIn(self.cycle.name, message.body)
            self.assertIn(standing.partner_id, message.partner_ids)
        # A second run (the job, a retry) creates nothing.
        self.assertFalse(
            self.env["coop.standing.order"]._create_standing_orders(self.cycle)
        )
        self.assertEqual(self._orders(), orders)

    def _standing_snapshot(self):
        return sorted(
            (
                order.coop_standing_order_id.id,
                order.coop_slot_id.id,
                order.state,
                tuple(order.order_line.mapped("product_uom_qty")),
                order.amount_total,
            )
            for order in self._orders()
        )

    def test_a_killed_opening_resumes_without_doubles(self):
        """A run interrupted after two orders (here they stay in the test's
        transaction; in production the killed call's batch is rolled back
        whole, tests/test_long_jobs.py kills a real server): the next run
        creates the others, none twice, as one uninterrupted run would have."""
        self.saturday.capacity = 4
        self.cycle.action_open()
        Standing = self.env["coop.standing.order"]
        with self.env.cr.savepoint() as savepoint:
            Standing._create_standing_orders(self.cycle)
            expected = self._standing_snapshot()
            savepoint.rollback()
        self.env.invalidate_all()
        self.assertEqual(len(expected), 4)
        create_order, made = type(Standing)._create_order, []

        def killed_after_two(standing, cycle):
            if len(made) == 2:
                raise RuntimeError("worker killed")
            made.append(standing)
            return create_order(standing, cycle)

        with (
            patch.object(type(Standing), "_create_order", killed_after_two),
            self.assertRaisesRegex(RuntimeError, "worker killed"),
        ):
            Standing._create_standing_orders(self.cycle)
        self.assertEqual(len(self._orders()), 2)
        Standing._create_standing_orders(self.cycle)
        self.assertEqual(self._standing_snapshot(), expected)
        Standing._create_standing_orders(self.cycle)
        self.assertEqual(self._standing_snapshot(), expected)

    def test_skipped_paused_and_out_of_season_create_nothing(self):
        self.standing[0].skip_cycle_ids = self.cycle
        self.standing[1].state = "paused"
        self.standing[2].date_end = self.PICKUP_FROM.replace(year=2029)
        self.standing[2].date_start = self.PICKUP_FROM.replace(year=2028)
        self.cycle.action_open()
        self.env["coop.standing.order"]._create_standing_orders(self.cycle)
        self.assertEqual(self._orders().coop_standing_order_id, self.standing[3])

    def test_a_cancelled_order_skips_the_cycle_for_good(self):
        self.cycle.action_open()
        self.env["coop.standing.order"]._create_standing_orders(self.cycle)
        first = self._orders().filtered(
            lambda o: o.coop_standing_order_id == self.standing[0]
        )
        first._coop_member_cancel()
        self.env["coop.standing.order"]._create_standing_orders(self.cycle)
        self.assertEqual(
            len(
                self._orders().filtered(
                    lambda o: o.coop_standing_order_id == self.standing[0]
                )
            ),
            1,
        )

    def test_the_cycles_job_creates_them_at_opening(self):
        self.cycle.open_datetime = self.cycle.open_datetime  # due now
        self.env["coop.order.cycle"]._cron_open_and_close()
        self.assertEqual(self.cycle.state, "open")
        common.run_job(self.env, "coop_marketplace.ir_cron_coop_standing_orders")
        self.assertEqual(len(self._orders()), 2)

    def test_the_job_makes_one_batch_per_call(self):
        """#34: one pattern for long work: each call of the job makes one
        batch and says what remains (Odoo's runner commits and calls again),
        no commit of its own."""
        self.cycle.action_open()
        self.cycle.slot_ids.capacity = 100
        self.env["ir.config_parameter"].set_param(
            "coop_marketplace.standing_orders_per_call", 3
        )
        calls = common.run_job(
            self.env, "coop_marketplace.ir_cron_coop_standing_orders"
        )
        self.assertEqual(calls, 2)  # 3, then 1
        self.assertEqual(len(self._orders()), 4)
        progress = self.env["ir.cron.progress"].search(
            [
                (
                    "cron_id",
                    "=",
                    self.env.ref("coop_marketplace.ir_cron_coop_standing_orders").id,
                )
            ],
            order="id",
        )
        self.assertEqual(
            [(p.done, p.remaining) for p in progress[-2:]], [(3, 1), (1, 0)]
        )

    def test_a_member_without_a_place_is_told_once(self):
        """Saturday holds two: the two others are told that there is no
        order for them in this cycle, once, not at every run of the hourly
        job (#34: they were told again at each run); a manager who adds
        places and asks again gets their orders made."""
        self.cycle.action_open()
        job = "coop_marketplace.ir_cron_coop_standing_orders"

        def told(standing):
            return self.env["mail.message"].search_count(
                [
                    ("model", "=", "coop.standing.order"),
                    ("res_id", "=", standing.id),
                    ("body", "ilike", self.cycle.name),
                ]
            )

        for _run in range(3):
            common.run_job(self.env, job)
        self.assertEqual(self._orders().coop_standing_order_id, self.standing[:2])
        self.assertEqual([told(s) for s in self.standing[2:]], [1, 1])
        self.assertEqual(self.standing[2].missed_cycle_ids, self.cycle)
        self.saturday_slot = self.cycle.slot_ids.filtered(lambda s: s.capacity == 2)
        self.saturday_slot.capacity = 4
        self.cycle.action_create_standing_orders()
        self.assertEqual(self._orders().coop_standing_order_id, self.standing)

    def test_a_basket_has_a_maximum_of_subscribers(self):
        self.carrots.coop_standing_max = 4
        # Odoo's assertRaises rolls the failed create back (a savepoint).
        with self.assertRaises(ValidationError) as error:
            self.env["coop.standing.order"].create(
                {
                    "partner_id": self.member.id,
                    "product_id": self.carrots_product.id,
                    "point_id": self.point.id,
                }
            )
        self.assertIn("full", str(error.exception))
        # A place freed by a paused subscription can be taken.
        self.standing[0].state = "paused"
        self.env["coop.standing.order"].create(
            {
                "partner_id": self.member.id,
                "product_id": self.carrots_product.id,
                "point_id": self.point.id,
            }
        )

    def test_each_order_costs_the_same_at_opening(self):
        """Opening a cycle makes one order per subscription at a cost per
        order that does not grow with their number (no query per other
        subscription or order)."""
        self.cycle.action_open()
        self.cycle.slot_ids.capacity = 100
        self.carrots.coop_standing_max = 0
        Standing = self.env["coop.standing.order"]

        def run():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            created = Standing._create_standing_orders(self.cycle)
            self.env.flush_all()
            return self.env.cr.sql_log_count - before, len(created)

        few, count = run()
        self.assertEqual(count, 4)
        more = self.env["res.partner"].create(
            [{"name": f"Abonné bis {i}"} for i in range(12)]
        )
        Standing.create(
            [
                {
                    "partner_id": member.id,
                    "product_id": self.carrots_product.id,
                    "point_id": self.point.id,
                }
                for member in more
            ]
        )
        many, count = run()
        self.assertEqual(count, 12)
        self.assertLessEqual(many / 12, few / 4 + 1, (few, many))

    def test_finding_them_costs_the_same_for_4_or_40(self):
        """The subscriptions of a cycle are found in a fixed number of
        queries (the orders themselves are created one by one)."""
        self.cycle.action_open()
        Standing = self.env["coop.standing.order"]

        def queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            found = Standing._standing_for(self.cycle)
            return self.env.cr.sql_log_count - before, len(found)

        few, count = queries()
        self.assertEqual(count, 4)
        self.carrots.coop_standing_max = 0
        Standing.create(
            [
                {
                    "partner_id": self.members[i % 4].id,
                    "product_id": self.carrots_product.id,
                    "point_id": self.point.id,
                }
                for i in range(36)
            ]
        )
        many, count = queries()
        self.assertEqual(count, 40)
        self.assertEqual(many, few)

    def test_the_farm_plans_with_counts_not_names(self):
        self.beer.coop_standing_max = 0
        self.env["coop.standing.order"].create(
            {
                "partner_id": self.member.id,
                "product_id": self.beer_product.id,
                "point_id": self.point.id,
                "quantity": 3,
            }
        )
        self.standing[0].state = "paused"
        demand = self.env["coop.standing.demand"].with_user(self.producer_a).search([])
        self.assertEqual(demand.product_id, self.carrots_product)
        self.assertEqual(demand.point_id, self.point)
        self.assertEqual(demand.subscriber_count, 3)
        self.assertEqual(demand.quantity, 6)
        # Farm B's demand is farm B's; subscribers' names are nobody's.
        self.assertEqual(
            self.env["coop.standing.demand"]
            .with_user(self.producer_b)
            .search([])
            .quantity,
            3,
        )
        with self.assertRaises(AccessError):
            self.standing.with_user(self.producer_a).read(["partner_id"])


@tagged("post_install", "-at_install", "coop_marketplace")
class TestStandingPortal(HttpCase, common.CoopMarketplaceCommon):
    """A member pauses and resumes their own basket in the portal, never
    another member's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice, cls.bob = (
            new_test_user(
                cls.env, login=login, password=login, groups="base.group_portal"
            )
            for login in ("coop_basket_alice", "coop_basket_bob")
        )
        (cls.alice | cls.bob).partner_id.coop_member_state = "active"
        cls.standing_alice, cls.standing_bob = cls.env["coop.standing.order"].create(
            [
                {
                    "partner_id": user.partner_id.id,
                    "product_id": cls.carrots_product.id,
                    "point_id": cls.point.id,
                }
                for user in (cls.alice, cls.bob)
            ]
        )

    def _post(self, standing, action):
        return self.url_open(
            f"/my/standing/{standing.id}/{action}",
            data={"csrf_token": http.Request.csrf_token(self)},
        )

    def test_member_pauses_and_resumes_own_basket_only(self):
        self.authenticate("coop_basket_alice", "coop_basket_alice")
        page = self.url_open("/my/standing")
        self.assertIn("o_coop_standing_pause", page.text)
        self.assertIn(self.carrots_product.name, page.text)
        self.assertEqual(page.text.count("o_coop_standing_card"), 1)
        self.assertIn("/my/standing", self.url_open("/my").text)
        response = self._post(self.standing_alice, "pause")
        self.assertIn("o_coop_standing_message", response.text)
        self.assertEqual(self.standing_alice.state, "paused")
        self._post(self.standing_alice, "resume")
        self.assertEqual(self.standing_alice.state, "active")
        # Bob's basket: not found, untouched.
        response = self._post(self.standing_bob, "pause")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.standing_bob.state, "active")
        response = self._post(self.standing_alice, "delete")
        self.assertEqual(response.status_code, 404)

    def _subscribe(self, product, template, **extra):
        return self.url_open(
            "/my/standing/subscribe",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "product_id": product if isinstance(product, str) else product.id,
                "slot_template_id": template.id,
                **extra,
            },
        )

    def _standing_of(self, user, product):
        return self.env["coop.standing.order"].search(
            [("partner_id", "=", user.partner_id.id), ("product_id", "=", product.id)]
        )

    def test_member_subscribes_herself_within_the_places(self):
        self.carrots.write({"coop_standing_ok": True, "coop_standing_max": 3})
        carol, dave = (
            new_test_user(
                self.env, login=login, password=login, groups="base.group_portal"
            )
            for login in ("coop_basket_carol", "coop_basket_dave")
        )
        (carol | dave).partner_id.coop_member_state = "active"
        offer = f'name="product_id" value="{self.carrots_product.id}"'
        saturday = self.point.slot_template_ids.filtered(lambda t: t.weekday == "5")
        self.authenticate("coop_basket_carol", "coop_basket_carol")
        page = self.url_open("/my/standing")
        self.assertIn(offer, page.text)
        self.assertIn("Hellemmes · Samedi 10:00-12:00", page.text)
        self.assertNotIn(f'value="{self.beer_product.id}"', page.text, "not offered")
        places = dict(self.env["coop.standing.order"]._member_offers(self.env.company))
        self.assertEqual(places[self.carrots_product], 1)
        response = self._subscribe(self.carrots_product, saturday)
        self.assertIn("alert-success", response.text)
        standing = self._standing_of(carol, self.carrots_product)
        self.assertEqual(standing.state, "active")
        self.assertEqual(standing.company_id, self.env.company)
        self.assertEqual(standing.point_id, self.point)
        self.assertEqual(standing.slot_template_id, saturday)
        # Taken once only; and now full for the others.
        response = self._subscribe(self.carrots_product, saturday)
        self.assertIn("alert-danger", response.text)
        self.assertEqual(len(self._standing_of(carol, self.carrots_product)), 1)
        self.authenticate("coop_basket_dave", "coop_basket_dave")
        page = self.url_open("/my/standing").text
        form = page[page.index(offer) :]
        form = form[: form.index("</form>")]
        self.assertNotIn("o_coop_standing_subscribe", form, "full: no button")
        response = self._subscribe(self.carrots_product, saturday)
        self.assertIn("alert-danger", response.text)
        self.assertFalse(self._standing_of(dave, self.carrots_product))
        # Not offered, another coop's point, nonsense: nothing created.
        self._subscribe(self.beer_product, saturday)
        self.assertFalse(self._standing_of(dave, self.beer_product))
        other = self.env["res.company"].create({"name": "Autre coop"})
        elsewhere = self.env["coop.pickup.point"].create(
            {
                "name": "Ailleurs",
                "company_id": other.id,
                "partner_id": self.env["res.partner"].create({"name": "Ailleurs"}).id,
                "slot_template_ids": [(0, 0, {"weekday": "5"})],
            }
        )
        self.beer.coop_standing_ok = True
        response = self._subscribe(self.beer_product, elsewhere.slot_template_ids)
        self.assertIn("alert-danger", response.text)
        self.assertFalse(self._standing_of(dave, self.beer_product))
        self.assertEqual(self._subscribe("abc", saturday).status_code, 404)
        # Not a member of the coop: refused, nothing created.
        eve = new_test_user(
            self.env,
            login="coop_basket_eve",
            password="coop_basket_eve",
            groups="base.group_portal",
        )
        self.carrots.coop_standing_max = 10
        self.authenticate("coop_basket_eve", "coop_basket_eve")
        response = self._subscribe(self.carrots_product, saturday)
        self.assertIn("alert-danger", response.text)
        self.assertFalse(self._standing_of(eve, self.carrots_product))

    def test_subscribing_during_an_open_cycle_orders_at_once(self):
        self.beer.coop_standing_ok = True
        self.cycle.action_open()
        self.authenticate("coop_basket_alice", "coop_basket_alice")
        friday = self.point.slot_template_ids.filtered(lambda t: t.weekday == "4")
        self._subscribe(self.beer_product, friday)
        standing = self._standing_of(self.alice, self.beer_product)
        order = standing.order_ids
        self.assertEqual(len(order), 1)
        self.assertEqual(order.coop_cycle_id, self.cycle)
        self.assertEqual(order.state, "sale")
        self.assertEqual(
            order.order_line.filtered("product_id").product_id[:1], self.beer_product
        )
