# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, tagged

from odoo.addons.coop_marketplace.tests import common


@tagged("post_install", "-at_install", "coop_marketplace_wallet")
class TestStandingWallet(common.CoopMarketplaceCommon):
    """A standing basket paid with the prepaid account: each cycle's order
    takes what the account holds, the rest is paid at pickup; nothing
    without a balance; never twice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = cls.env.ref("coop_wallet.coop_wallet_program")
        friday = cls.point.slot_template_ids.filtered(lambda t: t.weekday == "4")
        cls.members = cls.env["res.partner"].create(
            [
                {"name": f"Abonnée {i}", "email": f"porte{i}@example.org"}
                for i in range(3)
            ]
        )
        cls.cards = cls.env["loyalty.card"].create(
            [
                {
                    "program_id": cls.program.id,
                    "partner_id": cls.members[0].id,
                    "points": 50,
                },
                {
                    "program_id": cls.program.id,
                    "partner_id": cls.members[1].id,
                    "points": 1,
                },
            ]
        )
        cls.standing = cls.env["coop.standing.order"].create(
            [
                {
                    "partner_id": member.id,
                    "product_id": cls.carrots_product.id,
                    "quantity": 2,
                    "point_id": cls.point.id,
                    "slot_template_id": friday.id,
                    "date_start": cls.PICKUP_FROM,
                    "pay_with_wallet": True,
                }
                for member in cls.members
            ]
        )

    def _order_of(self, member):
        return self.env["sale.order"].search(
            [("coop_cycle_id", "=", self.cycle.id), ("partner_id", "=", member.id)]
        )

    def test_each_cycle_is_paid_with_the_account_as_far_as_it_goes(self):
        self.cycle.action_open()
        self.env["coop.standing.order"]._create_standing_orders(self.cycle)
        full, partly, none = (self._order_of(member) for member in self.members)
        for order in full | partly | none:
            self.assertEqual(order.state, "sale")
        goods = sum(
            full.order_line.filtered(lambda l: not l.reward_id).mapped("price_total")
        )
        self.assertGreater(goods, 1)
        # 50 € on the account: the basket is paid, nothing at pickup.
        self.assertAlmostEqual(full._coop_wallet_lines().price_total, -goods, 2)
        self.assertAlmostEqual(full.amount_total, 0.0, 2)
        self.assertAlmostEqual(self.cards[0].points, 50 - goods, 2)
        # 1 €: 1 € from the account, the rest at pickup.
        self.assertAlmostEqual(partly._coop_wallet_lines().price_total, -1.0, 2)
        self.assertAlmostEqual(partly.amount_total, goods - 1.0, 2)
        self.assertAlmostEqual(self.cards[1].points, 0.0, 2)
        # No account: paid at pickup, no error.
        self.assertFalse(none._coop_wallet_lines())
        self.assertAlmostEqual(none.amount_total, goods, 2)
        # The fund counts the goods only.
        entries = self.env["coop.solidarity.entry"].search(
            [("sale_order_line_id", "in", full.order_line.ids)]
        )
        self.assertFalse(entries.sale_order_line_id.reward_id)
        # A second run pays nothing twice.
        self.env["coop.standing.order"]._create_standing_orders(self.cycle)
        self.assertAlmostEqual(self.cards[0].points, 50 - goods, 2)
        self.assertEqual(len(self._order_of(self.members[0])), 1)

    def test_a_cancelled_order_gives_the_account_back(self):
        self.cycle.action_open()
        self.env["coop.standing.order"]._create_standing_orders(self.cycle)
        self._order_of(self.members[0])._coop_member_cancel()
        self.assertAlmostEqual(self.cards[0].points, 50.0, 2)


@tagged("post_install", "-at_install", "coop_marketplace_wallet")
class TestStandingWalletPortal(HttpCase):
    """The demo member chooses to pay her standing basket with her account,
    on her own basket only."""

    def _post(self, url):
        return self.url_open(url, data={"csrf_token": http.Request.csrf_token(self)})

    def test_member_chooses_her_account_for_her_basket_only(self):
        standing = self.env.ref("coop_marketplace.coop_standing_order_amina_demo")
        other = self.env.ref("coop_marketplace.coop_standing_order_02_demo")
        self.assertFalse(standing.pay_with_wallet)
        self.authenticate("membre", "membre")
        page = self.url_open("/my/standing").text
        self.assertIn("Payer avec mon porte-monnaie", page)
        response = self._post(f"/my/standing/{standing.id}/wallet_on")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(standing.pay_with_wallet)
        self.assertIn("porte-monnaie", response.text)
        response = self._post(f"/my/standing/{other.id}/wallet_on")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(other.pay_with_wallet)
        self._post(f"/my/standing/{standing.id}/wallet_off")
        self.assertFalse(standing.pay_with_wallet)
