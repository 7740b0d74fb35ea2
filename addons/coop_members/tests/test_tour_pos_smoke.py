# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.coop_members.tests import common


# post_install: the POS assets and tours need every module loaded.
@tagged("post_install", "-at_install", "coop_members", "coop_tour")
class TestPosSmokeTour(HttpCase):
    """The cashier sells at the till: opens it, sells, takes cash, validates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        # The demo base is French only; the core tour helpers read amounts in
        # English format ("1.00"), so the cashier of this test works in English.
        cls.env["res.lang"]._activate_lang("en_US")
        cls.product = cls.env["product.product"].create(
            {
                "name": "Tarte au sucre",
                "type": "consu",
                "list_price": 6.50,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.pos_config, cls.cash = common.make_till(cls.env, "Caisse test", "CSHT")
        cls.cashier = new_test_user(
            cls.env,
            login="coop_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
            lang="en_US",
        )

    def test_cashier_sells_and_is_paid_cash(self):
        self.start_tour(
            f"/pos/ui?config_id={self.pos_config.id}",
            "coop_members_pos_smoke",
            login="coop_cashier",
        )
        order = self.env["pos.order"].search([("config_id", "=", self.pos_config.id)])
        self.assertEqual(len(order), 1, "the sale reached the server once")
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.user_id, self.cashier)
        self.assertEqual(order.lines.product_id, self.product)
        self.assertEqual(order.lines.qty, 2)
        self.assertAlmostEqual(order.amount_total, 13.0)
        self.assertEqual(order.payment_ids.payment_method_id, self.cash)
        self.assertAlmostEqual(order.amount_paid, 13.0)
