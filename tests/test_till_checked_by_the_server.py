"""The server checks the till (issue #31), on the demo's "Caisse épicerie"
synced as its cashier (``caisse``), the way the till sends its orders
(``pos.order.sync_from_ui``): the tier, the fund and the allowance come
from the customer's own tier, never from the pricelist the till sent; a
line at another price is kept (a paid sale is never lost), flagged for the
managers, and never counted as solidarity."""

from odoo.tests import TransactionCase

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.coop_members.tests import common as members_common


class TestTillCheckedByTheServer(TransactionCase):
    test_module, test_class, test_sequence = (
        "coop_repository",
        "TestTillCheckedByTheServer",
        0,
    )
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.till = cls.env.ref("coop_members.pos_config_epicerie_demo")
        cls.cash = cls.env.ref("coop_members.pos_payment_method_cash_demo")
        cls.cashier = cls.env.ref("coop_members.res_users_cashier_demo")
        cls.amina = cls.env.ref("coop_members.res_users_member_demo_res_partner")
        cls.bread = cls.env.ref("coop_members.product_pain_campagne_demo")
        cls.tier_a = cls.env.ref("coop_solidarity_price.coop_price_tier_a_demo")
        cls.tier_b = cls.env.ref("coop_solidarity_price.coop_price_tier_b_demo")
        cls.reference = cls.env["coop.price.tier"]._get_reference_tier(
            cls.till.company_id
        )
        cls.stranger = cls.env["res.partner"].create({"name": "Passante"})
        cls.till.with_user(cls.cashier).open_ui()
        cls.session = cls.till.current_session_id

    def price(self, tier, product):
        return tier.pricelist_id._get_product_price(product, 1.0)

    def sync(self, partner, pricelist, lines, **line_values):
        """A paid order as the till sends it (``lines``: product, quantity,
        unit price), synced by the cashier; returns the stored order."""
        data = members_common.pos_order_data(
            self.session,
            self.cash,
            lines,
            partner,
            pricelist,
            user=self.cashier,
            taxed=True,
            **line_values,
        )
        self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def entries(self, order):
        return self.env["coop.solidarity.entry"].search(
            [("pos_order_line_id", "in", order.lines.ids)]
        )

    def test_an_honest_sale_at_her_tier_enters_the_fund(self):
        price = self.price(self.tier_b, self.bread)
        order = self.sync(
            self.amina, self.tier_b.pricelist_id, [(self.bread, 2, price)]
        )
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.coop_price_differs)
        entries = self.entries(order)
        self.assertEqual(entries.tier_id, self.tier_b)
        self.assertLess(entries.amount, 0)

    def test_the_till_is_not_trusted_with_the_tier(self):
        """Symptom 3: the −60 % tier's pricelist sent for a member on Tarif
        B, for a non-member, and with no customer."""
        price_a = self.price(self.tier_a, self.bread)
        for partner in (self.amina, self.stranger, None):
            with self.subTest(partner=partner and partner.name):
                order = self.sync(
                    partner, self.tier_a.pricelist_id, [(self.bread, 1, price_a)]
                )
                self.assertEqual(order.state, "paid", "a paid sale is never lost")
                self.assertTrue(order.coop_price_differs)
                line = order.lines
                self.assertTrue(line.coop_price_differs)
                expected = self.price(
                    self.tier_b if partner == self.amina else self.reference,
                    self.bread,
                )
                self.assertAlmostEqual(line.coop_expected_price, expected, 2)
                self.assertFalse(self.entries(order), "never counted as solidarity")
                note = order.message_ids.filtered(
                    lambda m: "Julien Lefebvre" in (m.body or "")
                )
                self.assertTrue(note, "the managers read who changed it")

    def test_a_price_typed_at_the_till_is_flagged_not_solidarity(self):
        """Symptom 4: the "Prix" key is for managers at the coop's tills,
        and a price changed anyway is recorded as such."""
        self.assertTrue(self.till.restrict_price_control)
        arras = self.env["pos.config"].search([("name", "=", "Caisse Arras")])
        self.assertTrue(arras.restrict_price_control)
        new_till = self.env["pos.config"].create(
            {"name": "Caisse du marché", "coop_member_till": True}
        )
        self.assertTrue(new_till.restrict_price_control)
        order = self.sync(
            self.amina,
            self.tier_b.pricelist_id,
            [(self.bread, 1, 1.0)],
            price_type="manual",
        )
        self.assertTrue(order.lines.coop_price_differs)
        self.assertFalse(self.entries(order))
        used = self.amina._coop_advantage_used().get(self.amina.id, 0.0)
        honest = self.sync(
            self.amina,
            self.tier_b.pricelist_id,
            [(self.bread, 1, self.price(self.tier_b, self.bread))],
        )
        self.assertGreater(
            self.amina._coop_advantage_used().get(self.amina.id, 0.0), used
        )
        self.assertFalse(honest.coop_price_differs)
