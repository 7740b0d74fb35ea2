# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.coop_members.tests import common as members_common
from odoo.addons.coop_solidarity_price.tests import common


@tagged("post_install", "-at_install", "coop_solidarity_price")
class TestFundAndCap(common.CoopSolidarityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config, cls.cash = members_common.make_till(
            cls.env, "Caisse tarifs", "CSHS"
        )
        cls.config.open_ui()
        cls.session = cls.config.current_session_id
        cls.Entry = cls.env["coop.solidarity.entry"]

    def sale_order(self, partner, lines, confirm=True):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                    for product, qty in lines
                ],
            }
        )
        order._recompute_prices()
        if confirm:
            order.action_confirm()
        return order

    def pos_order(self, partner, lines, pricelist):
        """A paid order as the till sends it, with the till's prices."""
        data = members_common.pos_order_data(
            self.session, self.cash, lines, partner, pricelist
        )
        self.env["pos.order"].sync_from_ui([data])
        order_uuid = data["uuid"]
        return self.env["pos.order"].search([("uuid", "=", order_uuid)])

    def entries(self, partner):
        return self.Entry.search([("partner_id", "=", partner.id)])

    def test_fund_entries_equal_the_price_differences(self):
        self.assign(self.alice, self.tier_60)
        self.assign(self.bruno, self.tier_support)
        self.sale_order(self.alice, [(self.bread, 2), (self.apples, 1), (self.beer, 3)])
        alice = self.entries(self.alice)
        # Beer is excluded: no difference, no entry.
        self.assertEqual(alice.product_id, self.bread | self.apples)
        bread = alice.filtered(lambda e: e.product_id == self.bread)
        self.assertEqual((bread.reference_price, bread.charged_price), (4.20, 1.70))
        self.assertAlmostEqual(bread.amount, -5.00)
        self.assertAlmostEqual(sum(alice.mapped("amount")), -5.00 - 1.42)
        self.sale_order(self.bruno, [(self.bread, 1)])
        self.assertAlmostEqual(self.entries(self.bruno).amount, 0.40)  # a contribution
        balance_before = self.Entry._fund_balance()
        self.Entry.create(
            {
                "name": "Subvention Ville de Lille",
                "entry_type": "subsidy",
                "amount": 500,
            }
        )
        self.assertAlmostEqual(self.Entry._fund_balance(), balance_before + 500)

    def test_ledger_rules(self):
        self.assign(self.alice, self.tier_60)
        self.sale_order(self.alice, [(self.bread, 1)])
        entry = self.entries(self.alice)
        with self.assertRaises(UserError):
            entry.with_user(self.manager).write({"amount": 0})
        with self.assertRaises(UserError):
            entry.with_user(self.manager).unlink()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.Entry.create({"name": "Don", "entry_type": "donation", "amount": -10})

    def test_monthly_cap_boundaries_on_sale_orders(self):
        self.assign(self.alice, self.tier_60)  # cap 30; a bread saves 2.50
        under = self.sale_order(self.alice, [(self.bread, 11)], confirm=False)
        self.assertEqual(under.pricelist_id, self.tier_60.pricelist_id)
        exact = self.sale_order(self.alice, [(self.bread, 12)], confirm=False)
        self.assertEqual(exact.pricelist_id, self.tier_60.pricelist_id)
        self.assertAlmostEqual(exact.amount_total, 12 * 1.70)
        over = self.sale_order(self.alice, [(self.bread, 13)], confirm=False)
        self.assertEqual(over.pricelist_id, self.reference.pricelist_id)
        self.assertAlmostEqual(over.amount_total, 13 * 4.20)
        self.assertTrue(over.coop_cap_notice)

    def test_cap_counts_till_and_shop_and_resets_next_month(self):
        self.assign(self.alice, self.tier_60)
        with freeze_time("2026-05-10 10:00:00"):
            till = self.pos_order(
                self.alice, [(self.bread, 4, 1.70)], self.tier_60.pricelist_id
            )
            self.assertFalse(till.coop_cap_exceeded)
            self.alice.invalidate_recordset(["coop_cap_remaining"])
            self.assertEqual(self.alice.coop_cap_remaining, 20.0)
            order = self.sale_order(self.alice, [(self.bread, 9)], confirm=False)
            self.assertEqual(order.pricelist_id, self.reference.pricelist_id)
            order = self.sale_order(self.alice, [(self.bread, 8)])
            self.assertEqual(order.pricelist_id, self.tier_60.pricelist_id)
            self.alice.invalidate_recordset(["coop_cap_remaining"])
            self.assertEqual(self.alice.coop_cap_remaining, 0.0)
            # The till sends an order past the cap: kept, paid, flagged.
            late = self.pos_order(
                self.alice, [(self.bread, 1, 1.70)], self.tier_60.pricelist_id
            )
            self.assertEqual(late.state, "paid")
            self.assertTrue(late.coop_cap_exceeded)
        with freeze_time("2026-06-01 09:00:00"):
            self.alice.invalidate_recordset(["coop_cap_remaining"])
            self.assertEqual(self.alice.coop_cap_remaining, 30.0)
            order = self.sale_order(self.alice, [(self.bread, 12)], confirm=False)
            self.assertEqual(order.pricelist_id, self.tier_60.pricelist_id)

    def test_fund_counts_taxes_excluded_the_member_taxes_included(self):
        """One definition, two figures: the fund loses the difference of the
        coop's revenue (taxes excluded); the member's allowance counts what
        she saved, taxes included, as the receipt shows it."""
        vat = self.env["account.tax"].create(
            {"name": "TVA 20 % test", "amount": 20, "type_tax_use": "sale"}
        )
        self.bread.taxes_id = vat
        self.assign(self.alice, self.tier_60)
        used = self.alice._coop_advantage_used().get(self.alice.id, 0.0)
        order = self.sale_order(self.alice, [(self.bread, 2)], confirm=False)
        # 2 × 4.20 × 1.2 = 10.08 at the reference price; 2 × 1.70 × 1.2 = 4.08.
        self.assertAlmostEqual(order._coop_advantage(self.tier_60), 6.00)
        order.action_confirm()
        entry = self.entries(self.alice)
        self.assertAlmostEqual(entry.amount, -5.00)
        self.assertAlmostEqual(entry.member_advantage, 6.00)
        self.assertAlmostEqual(
            self.alice._coop_advantage_used()[self.alice.id], used + 6.00
        )
        # At the till, the same: the cashier's journey tour (demo products
        # at 20 %) checks the receipt, the till and the backend agree.

    def test_the_fund_follows_the_goods_of_a_sale(self):
        """Goods taken off a confirmed order (a shortage at the close) give
        back exactly their part of the fund's cost and of the allowance; a
        cancellation gives back the rest; a supportive member's contribution
        follows likewise."""
        self.assign(self.alice, self.tier_40)
        self.assign(self.bruno, self.tier_support)
        balance = self.Entry._fund_balance()
        used = self.alice._coop_advantage_used().get(self.alice.id, 0.0)
        order = self.sale_order(self.alice, [(self.bread, 5)])
        entry = self.entries(self.alice)
        per_loaf = entry.amount / 5  # 4.20 → 2.50 at −40 %: −1.70 each
        self.assertAlmostEqual(per_loaf, -1.70)
        # Two loaves missing at the close.
        order.order_line.product_uom_qty -= 2
        self.assertAlmostEqual(self.Entry._fund_balance(), balance + 3 * per_loaf)
        self.assertAlmostEqual(
            self.alice._coop_advantage_used()[self.alice.id], used + 3 * 1.70
        )
        correction = self.entries(self.alice) - entry
        self.assertEqual(correction.origin_entry_id, entry)
        self.assertEqual(correction.quantity, -2)
        # Cancelled after confirmation: back to where it was.
        order._action_cancel()
        self.assertAlmostEqual(self.Entry._fund_balance(), balance)
        self.assertAlmostEqual(
            self.alice._coop_advantage_used().get(self.alice.id, 0.0), used
        )
        order._action_cancel()  # twice: nothing more
        self.assertEqual(len(self.entries(self.alice)), 3)
        # A supportive member's contribution follows too.
        supportive = self.sale_order(self.bruno, [(self.bread, 2)])
        contribution = self.entries(self.bruno).amount
        self.assertGreater(contribution, 0)
        supportive.order_line.product_uom_qty = 1
        self.assertAlmostEqual(
            sum(self.entries(self.bruno).mapped("amount")), contribution / 2
        )

    def test_resent_pos_order_counts_once(self):
        self.assign(self.alice, self.tier_60)
        order = self.pos_order(
            self.alice, [(self.bread, 2, 1.70)], self.tier_60.pricelist_id
        )
        order._coop_record_solidarity()
        self.assertEqual(len(self.entries(self.alice)), 1)

    def test_pos_refund_gives_back_to_the_fund(self):
        self.assign(self.alice, self.tier_60)
        sale = self.pos_order(
            self.alice, [(self.bread, 2, 1.70)], self.tier_60.pricelist_id
        )
        self.assertAlmostEqual(self.entries(self.alice).amount, -5.00)
        balance = self.Entry._fund_balance()
        used = self.alice._coop_advantage_used()[self.alice.id]
        # Prices changed since the sale: the return follows the sale's prices.
        self.bread.standard_price = 9.0
        self.bread.list_price = 20.0
        # One loaf back, at the till's default (reference) pricelist.
        data = members_common.pos_order_data(
            self.session,
            self.cash,
            [(self.bread, -1, 1.70)],
            self.alice,
            self.reference.pricelist_id,
        )
        data["lines"][0][2]["refunded_orderline_id"] = sale.lines.id
        self.env["pos.order"].sync_from_ui([data])
        refund = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        entry = self.Entry.search([("pos_order_line_id", "=", refund.lines.id)])
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.tier_id, self.tier_60)
        self.assertEqual(entry.quantity, -1)
        self.assertEqual((entry.reference_price, entry.charged_price), (4.20, 1.70))
        self.assertAlmostEqual(entry.amount, 2.50)
        self.assertAlmostEqual(self.Entry._fund_balance(), balance + 2.50)
        self.assertAlmostEqual(
            self.alice._coop_advantage_used()[self.alice.id], used - 2.50
        )
        # Sent again by the till: counted once.
        refund._coop_record_solidarity()
        self.assertEqual(len(self.entries(self.alice)), 2)

    def test_negative_fund_policy_pauses_discounts(self):
        company = self.env.company
        company.coop_fund_suspend_when_negative = True
        self.assign(self.alice, self.tier_60)
        self.assign(self.bruno, self.tier_support)
        balance = self.Entry._fund_balance()
        self.Entry.create(
            {
                "name": "Achat solidaire",
                "entry_type": "other",
                "amount": -(balance + 10),
            }
        )
        self.assertTrue(company.coop_fund_discounts_paused)
        # The members follow in a job, not in the sale that crossed zero.
        self.assertEqual(
            self.alice.property_product_pricelist, self.tier_60.pricelist_id
        )
        self.assertTrue(self.policy_cron_triggered())
        self.policy_cron.method_direct_trigger()
        self.assertEqual(
            self.alice.property_product_pricelist, self.reference.pricelist_id
        )
        # Supportive tiers go on: they refill the fund.
        self.assertEqual(
            self.bruno.property_product_pricelist, self.tier_support.pricelist_id
        )
        self.Entry.create({"name": "Don", "entry_type": "donation", "amount": 50})
        self.assertFalse(company.coop_fund_discounts_paused)
        self.policy_cron.method_direct_trigger()
        self.assertEqual(
            self.alice.property_product_pricelist, self.tier_60.pricelist_id
        )

    @property
    def policy_cron(self):
        return self.env.ref("coop_solidarity_price.ir_cron_coop_fund_policy")

    def policy_cron_triggered(self):
        return self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.policy_cron.id)]
        )

    def test_crossing_zero_costs_the_same_with_2_or_200_members(self):
        """The sale that crosses zero (a till's sync) doesn't reprice the
        members: its cost doesn't grow with their number."""
        company = self.env.company
        company.coop_fund_suspend_when_negative = True
        self.assign(self.alice, self.tier_60)
        self.assign(self.bruno, self.tier_60)

        def crossing_queries():
            company.coop_fund_discounts_paused = False
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Entry._apply_fund_policy(company, -10.0)
            count = self.env.cr.sql_log_count - before
            self.assertTrue(company.coop_fund_discounts_paused)
            return count

        crossing_queries()  # warms the caches (cron, trigger, company)
        with_two = crossing_queries()
        self.env["res.partner"].create(
            [
                {"name": f"Membre {i}", "coop_price_tier_id": self.tier_60.id}
                for i in range(198)
            ]
        )
        self.assertEqual(crossing_queries(), with_two)

    def test_alert_under_threshold(self):
        company = self.env.company
        company.coop_fund_alert_threshold = self.Entry._fund_balance() + 100
        self.Entry.create({"name": "Don", "entry_type": "donation", "amount": 10})
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "res.company"), ("res_id", "=", company.id)]
        )
        self.assertIn(self.manager, activity.user_id)
        # In the manager's language; found again in any other: one alert.
        self.manager.lang = "fr_FR"
        mine = activity.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(len(mine), 1)
        self.Entry.with_context(lang="fr_FR").create(
            {"name": "Don", "entry_type": "donation", "amount": 10}
        )
        self.Entry.with_context(lang="en_US").create(
            {"name": "Don", "entry_type": "donation", "amount": 10}
        )
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [
                    ("res_model", "=", "res.company"),
                    ("res_id", "=", company.id),
                    ("user_id", "=", self.manager.id),
                ]
            ),
            1,
        )

    def test_fund_and_cap_take_constant_queries(self):
        self.assign(self.alice, self.tier_60)
        partners = self.alice | self.bruno

        def queries(func):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            func()
            return self.env.cr.sql_log_count - before

        def measure():
            return (
                queries(lambda: self.Entry._fund_balance()),
                queries(lambda: partners._coop_advantage_used()),
            )

        measure()
        few = measure()
        self.Entry.create(
            [
                {
                    "name": f"Vente {i}",
                    "entry_type": "other",
                    "partner_id": self.alice.id,
                    "amount": -0.5,
                }
                for i in range(200)
            ]
        )
        self.assertEqual(measure(), few, "no query per fund entry")
        self.assertEqual(few[0], 1)
        self.assertLessEqual(few[1], 3)  # the aggregate, and the user's tz
