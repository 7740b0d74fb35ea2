"""Money where features meet, on the demo data (issue #31): a basket of the
open cycle paid with the prepaid account (coop_wallet) and online (the
demo provider), then closed (coop_marketplace), weighed, changed. What the
member gets back is what she no longer owes, once, by the means she paid
with: the account first for what the account paid, the provider for the
rest."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.coop_members.tests import common as members_common


class MoneyOnTheDemo(TransactionCase):
    """Amina (``membre``, Tarif B) orders in the demo's open cycle."""

    # Repository-level test: Odoo's loader names these for addon tests only.
    test_module, test_class, test_sequence = "coop_repository", "MoneyOnTheDemo", 0
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.member = cls.env.ref("coop_members.res_users_member_demo_res_partner")
        cls.cycle = cls.env.ref("coop_marketplace.coop_order_cycle_demo")
        cls.point = cls.env.ref("coop_marketplace.coop_pickup_point_fives_demo")
        cls.carrier = cls.env.ref("coop_marketplace.delivery_carrier_coop_pickup_demo")
        cls.website = cls.env.ref("website.default_website")
        cls.program = cls.env["loyalty.program"]._coop_wallet_program(
            cls.cycle.company_id
        )
        cls.card = cls.program._coop_card_of(cls.member)
        cls.provider = cls.env.ref("payment.payment_provider_demo")

    def product(self, xmlid):
        return self.env.ref(f"coop_producers.{xmlid}").product_variant_id

    def order(self, quantities):
        """Amina's confirmed-to-be order of ``{product: quantity}``, at the
        Fives point, in its first slot."""
        order = self.env["sale.order"].create(
            {
                "partner_id": self.member.id,
                "coop_cycle_id": self.cycle.id,
                "website_id": self.website.id,
                "carrier_id": self.carrier.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                    for product, qty in quantities.items()
                ],
            }
        )
        order._coop_set_pickup_point(self.point)
        order._coop_set_pickup_slot(order._coop_bookable_slots()[:1])
        return order

    def pay_online(self, order, amount):
        tx = self.env["payment.transaction"].create(
            {
                "provider_id": self.provider.id,
                "payment_method_id": self.provider.with_context(active_test=False)
                .payment_method_ids[:1]
                .id,
                "amount": amount,
                "currency_id": order.currency_id.id,
                "partner_id": order.partner_id.id,
                "reference": f"COOP-MONEY-{order.id}",
                "sale_order_ids": [Command.set(order.ids)],
            }
        )
        tx._set_done()
        return tx

    def wallet_line(self, order):
        return order.order_line.filtered(
            lambda line: line.reward_id.program_id == self.program
        )

    def line_of(self, order, product):
        return order.order_line.filtered(lambda line: line.product_id == product)


class TestPrepaidBasketAtTheClose(MoneyOnTheDemo):
    def test_a_basket_paid_with_the_account_is_not_charged_again(self):
        """Symptom 1: the close took the account's payment line for goods no
        farm offers, and the member paid twice."""
        self.card.points = 25.0
        leeks = self.product("product_marais_2_demo")
        order = self.order({leeks: 2})
        self.assertTrue(order._coop_pay_with_wallet())
        order.action_confirm()
        paid = -self.wallet_line(order).price_total
        self.assertGreater(paid, 0)
        self.assertEqual(order.amount_total, 0.0)
        balance = self.card.points

        self.cycle._close()

        self.assertEqual(self.cycle.state, "closed")
        self.assertEqual(order.amount_total, 0.0, "nothing left to pay at pickup")
        self.assertAlmostEqual(-self.wallet_line(order).price_total, paid, 2)
        self.assertAlmostEqual(self.card.points, balance, 2)
        self.assertFalse(order.coop_refund_ids)
        self.assertFalse(order.coop_shortage_amount)
        # The payment is no goods: not pooled, not missing.
        self.assertNotIn(
            self.wallet_line(order).product_id,
            self.cycle.pooling_id.demand_ids.product_id,
        )

    def test_a_lighter_weight_goes_back_to_the_account(self):
        """Symptom 1, at pickup: the chicken weighed lighter on a basket
        paid with the account gives the difference back to the account."""
        self.card.points = 25.0
        chicken = self.product("product_vanackere_1_demo")
        order = self.order({chicken: 1})
        self.assertTrue(order._coop_pay_with_wallet())
        order.action_confirm()
        line = self.line_of(order, chicken)
        before = line.price_total
        balance = self.card.points
        self.cycle._close()
        volunteer = self.env.ref("coop_members.res_users_cashier_demo")
        order.with_user(volunteer)._coop_set_real_weights({line: 1.4})
        lighter = before - line.price_total
        self.assertGreater(lighter, 0)
        self.assertAlmostEqual(self.card.points, balance + lighter, 2)
        self.assertEqual(order.amount_total, 0.0)
        self.assertFalse(order.coop_refund_ids, "no refund through a provider")


class TestMixedPayment(MoneyOnTheDemo):
    def test_a_shortage_gives_back_what_was_lost_once(self):
        """Symptom 2: paid 5 € from the account and the rest online, two
        jars of honey of three missing at the close: the member gets back
        the two jars, the account first, the provider for the rest; no
        to-do for the managers, nothing more."""
        self.card.points = 5.0
        honey = self.product("product_weppes_2_demo")
        self.cycle.line_ids.filtered(lambda l: l.product_id == honey).offered_qty = 1
        order = self.order({honey: 3})
        self.assertTrue(order._coop_pay_with_wallet())
        self.assertEqual(self.card.points, 5.0, "spent at the confirmation")
        self.pay_online(order, order.amount_total)
        order.action_confirm()
        self.assertEqual(self.card.points, 0.0)
        online = order.amount_total
        jar = self.line_of(order, honey).price_total / 3

        self.cycle._close()

        missing = order.currency_id.round(2 * jar)
        self.assertEqual(self.line_of(order, honey).product_uom_qty, 1)
        refunds = order.coop_refund_ids
        self.assertEqual(self.card.points, 5.0, "the account first, all it paid")
        self.assertEqual(len(refunds), 1)
        self.assertAlmostEqual(refunds.amount, missing - 5.0, 2)
        self.assertEqual(refunds.state, "pending", "sent by its job, not by hand")
        self.assertEqual(refunds.reason, "shortage")
        self.assertLessEqual(refunds.amount, online)
        self.assertFalse(refunds.activity_ids)
        # What she paid, less what came back, is what she now owes.
        self.assertAlmostEqual(
            5.0 + online - 5.0 - refunds.amount,
            self.line_of(order, honey).price_total,
            2,
        )


class TestPickupDayAsTheVolunteer(MoneyOnTheDemo):
    """Symptom 6: the volunteer at the till (``caisse``) hands over orders
    paid online; the manager (``gerante``) weighs them too."""

    def setUp(self):
        super().setUp()
        self.volunteer = self.env.ref("coop_members.res_users_cashier_demo")
        self.manager = self.env.ref("coop_members.res_users_manager_demo")
        self.weighed = self.env.ref("coop_marketplace.sale_order_weighing_1_demo")
        self.pay_online(self.weighed, self.weighed.amount_total)

    def test_pickup_day_lists_what_is_left_to_pay_for_the_volunteer(self):
        action = self.env.ref("coop_marketplace.sale_order_action_pickup")
        view = self.env.ref("coop_marketplace.sale_order_view_list_pickup")
        Orders = self.env["sale.order"].with_user(self.volunteer)
        views = Orders.get_views([(view.id, "list")])
        names = list(views["models"]["sale.order"]["fields"])
        domain = safe_eval(action.domain)
        groups = Orders.web_read_group(domain, ["coop_slot_id"], ["coop_slot_id"])[
            "groups"
        ]
        self.assertTrue(groups)
        for group in groups:
            records = Orders.web_search_read(
                group["__domain"], {name: {} for name in names}
            )["records"]
            self.assertTrue(records)
        self.assertIn(
            self.weighed.id,
            [r["id"] for r in Orders.web_search_read(domain, {"name": {}})["records"]],
        )

    def test_the_volunteer_and_the_manager_weigh_an_order_paid_online(self):
        chicken, squash = self.weighed._coop_weighed_lines()
        self.weighed.with_user(self.volunteer)._coop_set_real_weights({chicken: 1.5})
        self.weighed.with_user(self.manager)._coop_set_real_weights({squash: 1.1})
        refunds = self.weighed.coop_refund_ids
        self.assertEqual(set(refunds.mapped("reason")), {"weight"})
        money = self.weighed._coop_money()
        self.assertEqual(money.excess, 0.0, "what was paid beyond goes back")
        self.assertEqual(money.due, 0.0)

    def test_the_cashier_reads_the_day_s_sales_when_closing(self):
        """Symptom 6: "Ventes du jour" at the till's closing read the
        session's accounting payments, which the volunteer may not read."""
        till = self.env.ref("coop_members.pos_config_epicerie_demo")
        till.with_user(self.volunteer).open_ui()
        session = till.current_session_id
        bread = self.env.ref("coop_members.product_pain_campagne_demo")
        card = self.env.ref("coop_members.pos_payment_method_card_demo")
        self.env["pos.order"].with_user(self.volunteer).sync_from_ui(
            [
                members_common.pos_order_data(
                    session, card, [(bread, 1, 4.2)], user=self.volunteer
                )
            ]
        )
        report = self.env["report.point_of_sale.report_saledetails"]
        details = report.with_user(self.volunteer).get_sale_details(
            session_ids=session.ids
        )
        self.assertEqual(details["nbr_orders"], 1)
        self.assertTrue(details["payments"])
        # Not another till's sessions.
        arras = self.env["pos.config"].search([("name", "=", "Caisse Arras")])
        arras.open_ui()
        with self.assertRaises(AccessError):
            report.with_user(self.volunteer).get_sale_details(
                session_ids=arras.current_session_id.ids
            )
