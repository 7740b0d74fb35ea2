# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace_solidarity")
class TestOrderEditFund(TransactionCase):
    """On the demo data: a member at "Price A" (−60 %) changes her order of
    the open cycle, then cancels it; the fund and her monthly allowance
    follow each change, through the fund's one path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls.env.ref("coop_members.coop_member_demo_01")
        cls.cycle = cls.env.ref("coop_marketplace.coop_order_cycle_demo")
        cls.carrots = cls.env.ref(
            "coop_producers.product_marais_1_demo"
        ).product_variant_id
        cls.leeks = cls.env.ref(
            "coop_producers.product_marais_2_demo"
        ).product_variant_id
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.member.id,
                "coop_cycle_id": cls.cycle.id,
                "website_id": cls.env.ref("website.default_website").id,
                "order_line": [
                    Command.create({"product_id": cls.carrots.id, "product_uom_qty": 2})
                ],
            }
        )
        cls.used_before = cls._used()
        cls.order.action_confirm()

    @classmethod
    def _used(cls):
        return cls.member._coop_advantage_used().get(cls.member.id, 0.0)

    def _entries(self):
        return self.env["coop.solidarity.entry"].search(
            [("sale_order_line_id", "in", self.order.order_line.ids)]
        )

    def _advantage_of(self, line, quantity):
        """Reference price minus the price paid, taxes included, worked out
        here from the reference pricelist and the line's taxes."""
        reference = self.env["coop.price.tier"]._reference_prices(line.product_id)[
            line.product_id.id
        ]

        def incl(price):
            return line.tax_id.compute_all(price, quantity=quantity)["total_included"]

        return round(incl(reference) - incl(line.price_unit), 2)

    def test_the_fund_follows_the_members_changes(self):
        self.assertIn(self.carrots, self.cycle.line_ids.product_id)
        self.assertIn(self.leeks, self.cycle.line_ids.product_id)
        carrots = self.order.order_line.filtered(lambda l: l.product_id == self.carrots)
        two_carrots = self._advantage_of(carrots, 2)
        self.assertGreater(two_carrots, 0)
        self.assertAlmostEqual(self._used(), self.used_before + two_carrots, 2)

        self.order._coop_member_edit({carrots: 1}, additions={self.leeks: 2})

        leeks = self.order.order_line.filtered(lambda l: l.product_id == self.leeks)
        entries = self._entries()
        # A correction for the carrot taken off, an entry for the leeks.
        self.assertEqual(
            len(entries.filtered(lambda e: e.product_id == self.carrots)), 2
        )
        self.assertEqual(
            sum(
                entries.filtered(lambda e: e.product_id == self.carrots).mapped(
                    "quantity"
                )
            ),
            1,
        )
        leek_entries = entries.filtered(lambda e: e.product_id == self.leeks)
        self.assertEqual(len(leek_entries), 1)
        self.assertAlmostEqual(
            leek_entries.member_advantage, self._advantage_of(leeks, 2), 2
        )
        self.assertAlmostEqual(
            self._used(),
            self.used_before + two_carrots / 2 + self._advantage_of(leeks, 2),
            2,
        )

        self.order._coop_member_cancel()

        self.assertAlmostEqual(sum(self._entries().mapped("member_advantage")), 0, 2)
        self.assertAlmostEqual(sum(self._entries().mapped("amount")), 0, 2)
        self.assertAlmostEqual(self._used(), self.used_before, 2)

    def test_a_change_stays_within_the_monthly_allowance(self):
        tier = self.order._coop_tier()
        self.assertTrue(tier.monthly_cap)
        # Almost used up: what this month's orders used, and 50 cents.
        tier.monthly_cap = self._used() + 0.5
        carrots = self.order.order_line.filtered(lambda l: l.product_id == self.carrots)
        entries = self._entries()
        with self.assertRaisesRegex(UserError, "allowance"):
            self.order._coop_member_edit({carrots: 2}, additions={self.leeks: 2})
        # Nothing half-written: lines, fund and allowance as they were.
        self.assertNotIn(self.leeks, self.order.order_line.product_id)
        self.assertEqual(self._entries(), entries)
        self.assertAlmostEqual(self._used(), tier.monthly_cap - 0.5, 2)
        # Less is always possible.
        self.order._coop_member_edit({carrots: 1})
        self.assertEqual(carrots.product_uom_qty, 1)
