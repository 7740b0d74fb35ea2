# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.coop_solidarity_price.tests import common


@tagged("post_install", "-at_install", "coop_solidarity_price")
class TestAssignment(common.CoopSolidarityCommon):
    def test_officer_assigns_tier_and_pricelist_follows(self):
        self.assign(self.alice, self.tier_40)
        self.assertEqual(self.alice.coop_price_tier_id, self.tier_40)
        self.assertEqual(
            self.alice.property_product_pricelist, self.tier_40.pricelist_id
        )
        self.assertEqual(self.alice.coop_tier_label, "Tarif T2")
        evidence = self.env["coop.tier.evidence"].search(
            [("partner_id", "=", self.alice.id)]
        )
        self.assertEqual(evidence.qf_band, "qf_0_450")
        self.assertEqual(evidence.create_uid, self.officer)
        # Who changed the tier is tracked; the evidence is not.
        self.assertTrue(self.alice._fields["coop_price_tier_id"].tracking)
        self.assertFalse(
            getattr(self.env["coop.tier.evidence"]._fields["note"], "tracking", False)
        )

    def test_only_officers_assign(self):
        for user in (self.manager, self.members_user, self.cashier):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.env["coop.tier.assign.wizard"].with_user(user).create(
                    {
                        "partner_id": self.alice.id,
                        "tier_id": self.tier_60.id,
                        "qf_band": "qf_0_450",
                    }
                ).action_assign()
        self.assertFalse(self.alice.coop_price_tier_id)

    def test_bad_assignments(self):
        with self.assertRaises(UserError):
            self.assign(self.alice, self.tier_60, valid_until="2001-01-01")
        stranger = self.env["res.partner"].create({"name": "Pas membre"})
        with self.assertRaises(UserError):
            self.assign(stranger, self.tier_60)
        self.assertFalse(
            self.env["coop.tier.evidence"].search(
                [("partner_id", "in", (self.alice | stranger).ids)]
            )
        )

    def test_confidentiality(self):
        self.assign(self.alice, self.tier_60)
        portal = new_test_user(
            self.env, login="coop_tier_portal", groups="base.group_portal"
        )
        for user in (self.cashier, self.members_user, self.manager, portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["coop.tier.evidence"].with_user(user).search([]).read(["note"])
        for user in (self.cashier, portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.alice.with_user(user).read(["coop_price_tier_id"])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["coop.price.tier"].with_user(user).search([]).read(["name"])
        # What the till may know: the neutral label and the allowance.
        values = self.alice.with_user(self.cashier).read(
            ["coop_tier_label", "coop_cap_remaining"]
        )[0]
        self.assertEqual(values["coop_tier_label"], "Tarif T1")
        self.assertEqual(values["coop_cap_remaining"], 30.0)
        self.assertEqual(
            self.env["coop.tier.evidence"]
            .with_user(self.officer)
            .search([("partner_id", "=", self.alice.id)])
            .qf_band,
            "qf_0_450",
        )

    def test_expiry_and_reminder_cron(self):
        self.assign(self.alice, self.tier_60)
        today = fields.Date.context_today(self.alice)
        self.assign(
            self.bruno, self.tier_40, valid_until=today + relativedelta(months=1)
        )
        self.alice.sudo().coop_tier_valid_until = today - relativedelta(days=1)
        self.env["res.partner"]._cron_coop_price_tiers()
        self.assertEqual(
            self.alice.property_product_pricelist, self.reference.pricelist_id
        )
        self.assertEqual(self.alice.coop_tier_label, self.reference.display_label)
        self.assertEqual(
            self.bruno.property_product_pricelist, self.tier_40.pricelist_id
        )
        activity = self.bruno.activity_ids.filtered(
            lambda a: a.user_id == self.officer or a.user_id
        )
        self.assertTrue(activity, "officers are reminded a month before the end")

    def test_membership_state_drives_the_tier(self):
        self.assign(self.alice, self.tier_60)
        self.alice.with_user(self.manager)._coop_set_member_state("suspended", "Impayé")
        self.assertEqual(
            self.alice.property_product_pricelist, self.reference.pricelist_id
        )
        self.alice.with_user(self.manager)._coop_set_member_state(
            "active", "Régularisé"
        )
        self.assertEqual(
            self.alice.property_product_pricelist, self.tier_60.pricelist_id
        )

    def test_tier_change_reprices_open_orders(self):
        self.assign(self.alice, self.tier_40)
        order = self.env["sale.order"].create(
            {
                "partner_id": self.alice.id,
                "order_line": [(0, 0, {"product_id": self.bread.id})],
            }
        )
        self.assertAlmostEqual(order.order_line.price_unit, 2.50)
        self.assign(self.alice, self.tier_60)
        self.assertEqual(order.pricelist_id, self.tier_60.pricelist_id)
        self.assertAlmostEqual(order.order_line.price_unit, 1.70)
        self.alice.with_user(self.officer).action_coop_end_price_tier()
        self.assertAlmostEqual(order.order_line.price_unit, 4.20)

    def test_partner_without_tier_keeps_its_pricelist(self):
        pricelist = self.env["product.pricelist"].create({"name": "Liste pro"})
        self.bruno.property_product_pricelist = pricelist
        self.bruno.with_user(self.manager)._coop_set_member_state("suspended", "Test")
        self.assertEqual(self.bruno.property_product_pricelist, pricelist)

    def test_till_fields_take_constant_queries(self):
        """The till loads the label and the allowance for every partner it
        shows: the cost must not grow with the number of partners."""
        partners = self.env["res.partner"].create(
            [{"name": f"Client {i}"} for i in range(30)]
        )
        self.assign(self.alice, self.tier_60)

        def queries(records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            records.read(["coop_tier_label", "coop_cap_remaining"])
            return self.env.cr.sql_log_count - before

        queries(self.alice | self.bruno)  # warm the caches
        few = queries(self.alice | self.bruno)
        many = queries(self.alice | self.bruno | partners)
        self.assertEqual(many, few, f"{few} queries for 2 partners")
        self.assertLessEqual(few, 8)
