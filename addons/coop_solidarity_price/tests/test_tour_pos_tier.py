# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.coop_members.tests import common as members_common


@tagged("post_install", "-at_install", "coop_solidarity_price", "coop_tour")
class TestPosTierTours(HttpCase):
    """At the till, a member's card brings their tier prices by themselves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.env["res.lang"]._activate_lang("en_US")
        Tier = cls.env["coop.price.tier"]
        cls.reference = Tier._get_reference_tier() or Tier.create(
            {"name": "Reference", "display_label": "Tarif C", "is_reference": True}
        )
        categ = cls.env["product.category"].create({"name": "Épicerie tour"})
        alcohol = cls.env["product.category"].create(
            {"name": "Alcools tour", "parent_id": categ.id}
        )
        cls.tier = Tier.create(
            {
                "name": "Tour −60 %",
                "display_label": "Tarif T1",
                "price_change": -60,
                "rounding": 0.05,
                "monthly_cap": 30,
                "excluded_categ_ids": [Command.link(alcohol.id)],
            }
        )
        Product = cls.env["product.product"]
        common = {"available_in_pos": True, "taxes_id": [Command.clear()]}
        cls.bread = Product.create(
            {"name": "Pain test", "categ_id": categ.id, "list_price": 4.20, **common}
        )
        cls.apples = Product.create(
            {"name": "Pommes test", "categ_id": categ.id, "list_price": 2.37, **common}
        )
        cls.beer = Product.create(
            {"name": "Bière test", "categ_id": alcohol.id, "list_price": 2.90, **common}
        )
        share_class = cls.env["coop.share.class"].create(
            {"code": "TT", "name": "Tour shares", "nominal_value": 10}
        )
        cls.alice = cls.env["res.partner"].create({"name": "Alice Martin"})
        cls.env["coop.share.movement"].create(
            {
                "partner_id": cls.alice.id,
                "share_class_id": share_class.id,
                "type": "subscription",
                "quantity": 1,
            }
        )._confirm()
        cls.alice.write(
            {
                "barcode": "0420000077770",
                "coop_price_tier_id": cls.tier.id,
                "coop_tier_valid_until": "2099-12-31",
            }
        )
        cls.pos_config, cls.cash = members_common.make_till(
            cls.env, "Caisse tarifs", "CSHU"
        )
        new_test_user(
            cls.env,
            login="coop_tier_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
            lang="en_US",
        )

    def test_member_card_brings_tier_prices(self):
        self.start_tour(
            f"/pos/ui?config_id={self.pos_config.id}",
            "coop_solidarity_pos_tier",
            login="coop_tier_cashier",
        )
        # The tour ends on the next customer's (empty) order.
        order = self.env["pos.order"].search(
            [("config_id", "=", self.pos_config.id), ("state", "!=", "draft")]
        )
        self.assertEqual(order.pricelist_id, self.tier.pricelist_id)
        till = {line.product_id: line.price_unit for line in order.lines}
        # One price everywhere: the till's prices are the sale order's.
        sale = self.env["sale.order"].create(
            {
                "partner_id": self.alice.id,
                "order_line": [
                    Command.create({"product_id": product.id}) for product in till
                ],
            }
        )
        for line in sale.order_line:
            self.assertAlmostEqual(line.price_unit, till[line.product_id])
        self.assertEqual(
            [round(till[p], 2) for p in (self.bread, self.apples, self.beer)],
            [1.70, 0.95, 2.90],
        )
        entries = self.env["coop.solidarity.entry"].search(
            [("partner_id", "=", self.alice.id)]
        )
        self.assertAlmostEqual(sum(entries.mapped("amount")), -(2.50 + 1.42))

    def test_allowance_used_up_switches_to_reference(self):
        self.start_tour(
            f"/pos/ui?config_id={self.pos_config.id}",
            "coop_solidarity_pos_cap",
            login="coop_tier_cashier",
        )
        order = self.env["pos.order"].search([("config_id", "=", self.pos_config.id)])
        self.assertEqual(order.pricelist_id, self.reference.pricelist_id)
        self.assertAlmostEqual(order.amount_total, 54.60)
        self.assertFalse(order.coop_cap_exceeded)
        self.assertFalse(
            self.env["coop.solidarity.entry"].search(
                [("partner_id", "=", self.alice.id)]
            )
        )
