# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.barcode import get_barcode_check_digit

from odoo.addons.coop_members.tests import common


@tagged("post_install", "-at_install", "coop_members")
class TestPosShareSale(common.CoopMembersCommon):
    """Shares sold at the till enter the register once; paid orders are kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.share_product = cls.env["product.product"].create(
            {
                "name": "Part A test",
                "type": "service",
                "list_price": 10,
                "available_in_pos": True,
            }
        )
        cls.class_a.product_id = cls.share_product
        cls.carrots = cls.env["product.product"].create(
            {
                "name": "Carottes des Flandres",
                "type": "consu",
                "list_price": 2.40,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.config, cls.cash = common.make_till(cls.env, "Caisse parts", "CSHP")
        cls.config.open_ui()
        cls.session = cls.config.current_session_id

    def order_data(self, lines, partner=None):
        return common.pos_order_data(self.session, self.cash, lines, partner)

    def sync(self, data):
        self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def test_share_sold_at_till_enters_register_once(self):
        data = self.order_data(
            [(self.share_product, 2, 10.0), (self.carrots, 3, 2.40)], self.alice
        )
        order = self.sync(data)
        self.assertEqual(order.state, "paid")
        movement = order.coop_share_movement_ids
        self.assertEqual(len(movement), 1)
        self.assertEqual(movement.state, "confirmed")
        self.assertEqual(movement.type, "subscription")
        self.assertEqual(movement.quantity, 2)
        self.assertEqual(movement.amount, 20.0)
        self.assertEqual(movement.origin, order.name)
        self.assertEqual(self.alice.coop_member_state, "active")
        self.assertFalse(order.coop_share_issue)
        # The till resends the order (network retry), the hook runs again.
        self.assertEqual(self.sync(data), order)
        order._coop_register_share_sales()
        self.assertEqual(
            self.env["coop.share.movement"].search_count(
                [("partner_id", "=", self.alice.id)]
            ),
            1,
        )
        self.assertEqual(self.alice.coop_share_count, 2)

    def test_first_share_gives_number_and_card_barcode(self):
        self.sync(self.order_data([(self.share_product, 2, 10.0)], self.alice))
        number = self.alice.coop_member_number
        self.assertTrue(number)
        barcode = self.alice.barcode
        self.assertTrue(barcode.startswith("042"))
        self.assertTrue(barcode[3:12].endswith(number.lstrip("0") or "0"))
        # 13 digits with a GS1 check digit: printed as EAN-13 on the card.
        self.assertEqual(len(barcode), 13)
        self.assertEqual(get_barcode_check_digit(barcode), int(barcode[-1]))
        # The POS customer rule of the default nomenclature reads it as a client.
        parsed = self.env.ref("barcodes.default_barcode_nomenclature").parse_barcode(
            barcode
        )
        self.assertEqual(parsed["type"], "client")

    def test_invalid_share_sales_are_kept_and_flagged(self):
        cases = {
            "no customer": self.order_data([(self.share_product, 2, 10.0)]),
            "price from the client": self.order_data(
                [(self.share_product, 2, 1.0)], self.bruno
            ),
            "company in an individuals-only class": self.order_data(
                [(self.share_product, 2, 10.0)], self.company_partner
            ),
            "above the class maximum": self.order_data(
                [(self.share_product, 6, 10.0)], self.bruno
            ),
            "share refund": self.order_data(
                [(self.share_product, -1, 10.0), (self.carrots, 10, 2.40)],
                self.bruno,
            ),
        }
        for case, data in cases.items():
            with self.subTest(case):
                order = self.sync(data)
                self.assertEqual(order.state, "paid", "a paid order is never dropped")
                self.assertTrue(order.coop_share_issue)
                self.assertFalse(order.coop_share_movement_ids)
        self.assertFalse(
            self.env["coop.share.movement"].search(
                [("partner_id", "in", (self.bruno | self.company_partner).ids)]
            )
        )
        self.assertFalse(self.bruno.coop_member_state)

    def test_manager_settles_a_flagged_sale(self):
        order = self.sync(self.order_data([(self.share_product, 1, 10.0)]))
        with self.assertRaises(AccessError):
            order.with_user(self.members_user).action_coop_share_issue_settled()
        order.with_user(self.manager).action_coop_share_issue_settled()
        self.assertFalse(order.coop_share_issue)

    def test_share_product_books_to_capital_without_tax(self):
        product = self.share_product.with_company(self.class_a.company_id)
        self.assertEqual(product.property_account_income_id.code, "101300")
        self.assertFalse(product.taxes_id)
        self.sync(self.order_data([(self.share_product, 2, 10.0)], self.alice))
        self.session.action_pos_session_closing_control()
        self.assertEqual(self.session.state, "closed")
        capital_lines = self.session.move_id.line_ids.filtered(
            lambda line: line.account_id == self.class_a.account_id
        )
        self.assertAlmostEqual(sum(capital_lines.mapped("credit")), 20.0)
        self.assertFalse(self.session.move_id.line_ids.tax_ids)

    def test_till_loads_share_classes_and_members_only_setting(self):
        self.config.coop_members_only = True
        admin = self.env.ref("base.user_admin")
        data = self.session.with_user(admin).load_data([])
        classes = data["coop.share.class"]["data"]
        by_product = {c["product_id"]: c for c in classes}
        self.assertEqual(by_product[self.share_product.id]["nominal_value"], 10.0)
        self.assertIs(data["pos.config"]["data"][0]["coop_members_only"], True)
