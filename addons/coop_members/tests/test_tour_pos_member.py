# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.coop_members.tests import common


@tagged("post_install", "-at_install", "coop_members", "coop_tour")
class TestPosMemberTours(HttpCase):
    """The till with members: card scan, badge, share sale, members only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        # The core tour helpers read amounts in English format ("1.00").
        cls.env["res.lang"]._activate_lang("en_US")
        Partner = cls.env["res.partner"]
        cls.share_class = cls.env["coop.share.class"].create(
            {
                "code": "TT",
                "name": "Till shares",
                "nominal_value": 10,
                "product_id": cls.env["product.product"]
                .create(
                    {
                        "name": "Part A till",
                        "type": "service",
                        "list_price": 10,
                        "available_in_pos": True,
                    }
                )
                .id,
            }
        )
        cls.carrots = cls.env["product.product"].create(
            {
                "name": "Carottes des Flandres",
                "type": "consu",
                "list_price": 2.40,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.alice = Partner.create({"name": "Alice Martin"})
        movement = cls.env["coop.share.movement"].create(
            {
                "partner_id": cls.alice.id,
                "share_class_id": cls.share_class.id,
                "type": "subscription",
                "quantity": 1,
            }
        )
        movement._confirm()
        cls.alice.write(
            {
                "coop_member_number": "09999",
                "barcode": Partner._coop_card_barcode("09999"),
            }
        )
        cls.bruno = Partner.create(
            {
                "name": "Bruno Dupont",
                "coop_member_state": "candidate",
                "barcode": Partner._coop_card_barcode("08888"),
            }
        )
        cls.pos_config, cls.cash = common.make_till(cls.env, "Caisse membres", "CSHM")
        cls.cashier = new_test_user(
            cls.env,
            login="coop_member_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
            lang="en_US",
        )

    def test_member_card_share_and_product_sale(self):
        self.start_tour(
            f"/pos/ui?config_id={self.pos_config.id}",
            "coop_members_pos_member_sale",
            login="coop_member_cashier",
        )
        order = self.env["pos.order"].search([("config_id", "=", self.pos_config.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.partner_id, self.alice)
        self.assertAlmostEqual(order.amount_paid, 27.20)
        self.assertFalse(order.coop_share_issue)
        movement = order.coop_share_movement_ids
        self.assertEqual(len(movement), 1)
        self.assertEqual(movement.state, "confirmed")
        self.assertEqual(movement.quantity, 2)
        self.assertEqual(movement.amount, 20.0)
        self.assertEqual(self.alice.coop_share_count, 3)
        # Closing the till books the shares to capital, the carrots to sales.
        session = order.session_id
        session.action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        lines = session.move_id.line_ids
        capital = lines.filtered(
            lambda line: line.account_id == self.share_class.account_id
        )
        self.assertEqual(capital.account_id.code, "101300")
        self.assertAlmostEqual(sum(capital.mapped("credit")), 20.0)
        sales = lines.filtered(lambda line: line.account_id.code.startswith("70"))
        self.assertAlmostEqual(sum(sales.mapped("credit")), 7.20)

    def test_customer_list_members_first_no_addresses(self):
        Partner = self.env["res.partner"]
        # Her pickup point's address, as the shop keeps it: a child contact.
        Partner.create(
            {
                "name": "Point de Fives",
                "parent_id": self.alice.id,
                "type": "delivery",
                "street": "28 rue Pierre Legrand",
            }
        )
        # Member 00099: typing "99" (too short to be a whole number) lists
        # her first, then the others whose text holds 99 (phones, numbers).
        chloe = Partner.create({"name": "Chloé Nonante"})
        self.env["coop.share.movement"].create(
            {
                "partner_id": chloe.id,
                "share_class_id": self.share_class.id,
                "type": "subscription",
                "quantity": 1,
            }
        )._confirm()
        chloe.coop_member_number = "00099"
        self.assertFalse(
            Partner.search(
                [
                    ("parent_id", "=", self.alice.id),
                    *Partner._coop_not_an_address_domain(),
                ]
            )
        )
        self.start_tour(
            f"/pos/ui?config_id={self.pos_config.id}",
            "coop_members_pos_customer_list",
            login="coop_member_cashier",
        )

    def test_members_only_till_refuses_non_members(self):
        self.pos_config.coop_members_only = True
        self.start_tour(
            f"/pos/ui?config_id={self.pos_config.id}",
            "coop_members_pos_members_only",
            login="coop_member_cashier",
        )
        self.assertFalse(
            self.env["pos.order"].search(
                [("config_id", "=", self.pos_config.id), ("state", "=", "paid")]
            )
        )
        self.assertFalse(
            self.env["coop.share.movement"].search([("partner_id", "=", self.bruno.id)])
        )

    def test_a_candidate_who_buys_her_share_is_a_member_at_once(self):
        """Issue #32: she showed "Candidat" until the till reloaded, and a
        members-only till refused her groceries."""
        self.pos_config.coop_members_only = True
        self.start_tour(
            f"/pos/ui?config_id={self.pos_config.id}",
            "coop_members_pos_candidate_joins",
            login="coop_member_cashier",
        )
        self.assertEqual(self.bruno.coop_member_state, "active")
        self.assertEqual(self.bruno.coop_share_count, 1)
