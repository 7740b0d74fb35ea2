# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "coop_marketplace_solidarity")
class TestWeighingFund(TransactionCase):
    """A member at "Price B" (−40 %) orders a chicken sold by weight, about
    1.6 kg at 12.50 €/kg: weighed 1.72 kg, she pays the tier's price per kg
    for the real weight, and the fund and her allowance count the real
    weight."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tier = cls.env.ref("coop_solidarity_price.coop_price_tier_b_demo")
        # Amina, the demo member at "Price B".
        cls.member = cls.env.ref("coop_members.res_users_member_demo_res_partner")
        cls.chicken = cls.env["product.template"].create(
            {
                "name": "Poulet pesé",
                "list_price": 20.0,
                "taxes_id": [Command.clear()],
                "base_unit_count": 1.6,
                "base_unit_id": cls.env.ref("coop_marketplace.website_base_unit_kg").id,
                "coop_sold_by_weight": True,
            }
        )
        cls.chicken = cls.chicken.product_variant_id
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.member.id,
                "order_line": [
                    Command.create({"product_id": cls.chicken.id, "product_uom_qty": 1})
                ],
            }
        )
        cls.order.action_confirm()
        cls.staff = new_test_user(
            cls.env,
            login="coop_weigh_fund_staff",
            groups="sales_team.group_sale_salesman_all_leads",
        )

    def _entries(self):
        return self.env["coop.solidarity.entry"].search(
            [("sale_order_line_id", "in", self.order.order_line.ids)]
        )

    def test_the_fund_counts_the_real_weight(self):
        line = self.order.order_line
        self.assertEqual(self.order.pricelist_id, self.tier.pricelist_id)
        self.assertAlmostEqual(line.price_unit, 12.0, 2)
        self.assertAlmostEqual(sum(self._entries().mapped("amount")), -8.0, 2)
        used_before = self.member._coop_advantage_used().get(self.member.id, 0.0)
        self.order.with_user(self.staff)._coop_set_real_weights({line: 1.72})
        # 1.72 kg × 7.50 €/kg (12.50 −40 %) = 12.90 €.
        self.assertAlmostEqual(line.price_subtotal, 12.90, 2)
        entries = self._entries()
        self.assertEqual(len(entries), 2)
        correction = entries.filtered("origin_entry_id")
        self.assertEqual(correction.quantity, 0)
        # The fund pays 1.72 × (12.50 − 7.50) = 8.60 €, the advantage too.
        self.assertAlmostEqual(sum(entries.mapped("amount")), -8.60, 2)
        self.assertAlmostEqual(sum(entries.mapped("member_advantage")), 8.60, 2)
        used = self.member._coop_advantage_used().get(self.member.id, 0.0)
        self.assertAlmostEqual(used - used_before, 0.60, 2)
        # Lighter on a second weighing: 1.40 × 5 = 7.00 €, one more entry.
        self.order.with_user(self.staff)._coop_set_real_weights({line: 1.40})
        entries = self._entries()
        self.assertEqual(len(entries), 3)
        self.assertAlmostEqual(sum(entries.mapped("amount")), -7.0, 2)
        # Cancelled afterwards: the fund gets everything back.
        self.order._action_cancel()
        self.assertAlmostEqual(sum(self._entries().mapped("amount")), 0.0, 2)
        self.assertAlmostEqual(sum(self._entries().mapped("member_advantage")), 0.0, 2)
