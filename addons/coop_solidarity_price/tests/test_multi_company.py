# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.coop_solidarity_price.tests.common import CoopSolidarityCommon


@tagged("post_install", "-at_install", "coop_solidarity_price")
class TestMultiCompany(CoopSolidarityCommon):
    """A second épicerie (company B) with tiers of its own: its fund entries,
    its members' pricelists and its fund policy stay in B, whichever
    company's user confirms the sale or runs the crons."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Épicerie d'Arras"})
        Tier = cls.env["coop.price.tier"].with_company(cls.company_b)
        cls.reference_b = Tier.create(
            {
                "name": "Arras référence",
                "display_label": "Prix juste",
                "is_reference": True,
                "company_id": cls.company_b.id,
            }
        )
        cls.tier_b = Tier.create(
            {
                "name": "Arras −30 %",
                "display_label": "Tarif S",
                "price_change": -30,
                "company_id": cls.company_b.id,
            }
        )
        cls.pricelist_a = cls.alice.with_company(
            cls.company_a
        ).property_product_pricelist
        # Alice is a member of both coops (one partner, two memberships).
        class_b = (
            cls.env["coop.share.class"]
            .with_company(cls.company_b)
            .create(
                {
                    "code": "A",
                    "name": "Coopérateurs d'Arras",
                    "nominal_value": 20,
                    "company_id": cls.company_b.id,
                }
            )
        )
        cls.env["coop.share.movement"].create(
            {
                "partner_id": cls.alice.id,
                "share_class_id": class_b.id,
                "type": "subscription",
                "quantity": 1,
            }
        )._confirm()
        cls.class_b = class_b
        cls.officer_b = new_test_user(
            cls.env,
            login="coop_officer_b",
            groups="base.group_user,coop_solidarity_price.group_solidarity_officer",
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )

    def assign(self, partner, tier, valid_until="2099-12-31"):
        """B's tiers are decided by B's solidarity officer."""
        if tier.company_id != self.company_b:
            return super().assign(partner, tier, valid_until)
        self.env["coop.tier.assign.wizard"].with_user(self.officer_b).create(
            {
                "partner_id": partner.id,
                "tier_id": tier.id,
                "valid_until": valid_until,
                "qf_band": "qf_0_450",
                "note": "Attestation CAF vue",
            }
        ).action_assign()

    def test_a_tier_of_b_needs_a_membership_of_b(self):
        """Bruno is a member of A only: B's officer doesn't even read him (a
        coop's members are its own), B's tier can't be his whoever gives it,
        and A's officer can't give B's tiers."""
        with self.assertRaises(AccessError):
            self.assign(self.bruno, self.tier_b)
        # B's officer given Bruno's card anyway (sudo: past the rule).
        wizard = (
            self.env["coop.tier.assign.wizard"]
            .with_user(self.officer_b)
            .sudo()
            .create(
                {
                    "partner_id": self.bruno.id,
                    "tier_id": self.tier_b.id,
                    "valid_until": "2099-12-31",
                    "qf_band": "qf_0_450",
                    "note": "Attestation CAF vue",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "not an active member"):
            wizard.action_assign()
        with self.assertRaises(AccessError):
            CoopSolidarityCommon.assign(self, self.alice, self.tier_b)

    def _pricelist_in(self, company):
        return self.alice.with_company(company).property_product_pricelist

    def test_a_tier_of_b_prices_in_b_only(self):
        self.assign(self.alice, self.tier_b)
        self.assertEqual(self._pricelist_in(self.company_b), self.tier_b.pricelist_id)
        self.assertEqual(self._pricelist_in(self.company_a), self.pricelist_a)

    def test_the_tier_cron_run_from_a_expires_in_b(self):
        today = fields.Date.today()
        self.assign(self.alice, self.tier_b, valid_until=today + timedelta(days=1))
        self.assertEqual(self._pricelist_in(self.company_b), self.tier_b.pricelist_id)
        with freeze_time(today + timedelta(days=3)):
            self.assertEqual(self.env.company, self.company_a)
            self.env["res.partner"]._cron_coop_price_tiers()
        self.assertEqual(
            self._pricelist_in(self.company_b), self.reference_b.pricelist_id
        )
        self.assertEqual(self._pricelist_in(self.company_a), self.pricelist_a)

    def test_a_sale_in_b_enters_bs_fund(self):
        self.assign(self.alice, self.tier_b)
        balance_a = self.env["coop.solidarity.entry"]._fund_balance(self.company_a)
        order = (
            self.env["sale.order"]
            .with_company(self.company_b)
            .create(
                {
                    "partner_id": self.alice.id,
                    "company_id": self.company_b.id,
                    "order_line": [
                        fields.Command.create(
                            {"product_id": self.bread.id, "product_uom_qty": 2}
                        )
                    ],
                }
            )
        )
        self.assertEqual(order.pricelist_id, self.tier_b.pricelist_id)
        order.action_confirm()
        entries = self.env["coop.solidarity.entry"].search(
            [("sale_order_line_id", "in", order.order_line.ids)]
        )
        self.assertTrue(entries)
        self.assertEqual(entries.company_id, self.company_b)
        Entry = self.env["coop.solidarity.entry"]
        # 2 × 4,20 € at −30 %: 2,52 € from B's fund, nothing from A's.
        self.assertAlmostEqual(Entry._fund_balance(self.company_b), -2.52, places=2)
        self.assertAlmostEqual(Entry._fund_balance(self.company_a), balance_a, places=2)
        # Company A's members manager sees none of B's fund, its officer
        # none of B's tiers.
        self.assertFalse(
            self.env(user=self.manager)["coop.solidarity.entry"].search(
                [("id", "in", entries.ids)]
            )
        )
        self.assertFalse(
            self.env(user=self.officer)["coop.price.tier"].search(
                [("company_id", "=", self.company_b.id)]
            )
        )

    def test_the_fund_policy_of_b_reprices_bs_members_in_b(self):
        self.assign(self.alice, self.tier_b)
        self.company_b.coop_fund_suspend_when_negative = True
        Entry = self.env["coop.solidarity.entry"]
        Entry._apply_fund_policy(self.company_b, -10.0)
        self.assertTrue(self.company_b.coop_fund_discounts_paused)
        self.assertFalse(self.company_a.coop_fund_discounts_paused)
        Entry._cron_fund_policy()
        self.assertEqual(
            self._pricelist_in(self.company_b), self.reference_b.pricelist_id
        )
        self.assertEqual(self._pricelist_in(self.company_a), self.pricelist_a)
