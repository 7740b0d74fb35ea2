"""The closing instant and the membership rule hold on every path (issue
#31), on the demo, through the routes people use: the shop's cart, the
order's page (change, cancel, slot), "Mes paniers abonnés" and an outside
client (RPC) that sends the context keys it likes."""

from datetime import timedelta

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.tests import HttpCase


class TestClosingInstantAndMembership(HttpCase):
    test_module, test_class, test_sequence = (
        "coop_repository",
        "TestClosingInstantAndMembership",
        0,
    )
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls.env.ref("coop_marketplace.coop_order_cycle_demo")
        cls.order = cls.env.ref("coop_marketplace.sale_order_amina_demo")
        cls.carrots = cls.env.ref(
            "coop_producers.product_marais_1_demo"
        ).product_variant_id
        cls.basket = cls.env.ref(
            "coop_marketplace.product_basket_debuyser_demo"
        ).product_variant_id
        cls.manager = cls.env.ref("coop_members.res_users_manager_demo")

    def post(self, url, **data):
        return self.url_open(
            url, data={**data, "csrf_token": http.Request.csrf_token(self)}
        )

    def pass_the_closing_time(self):
        """The closing time is a minute ago; the close job hasn't run."""
        self.cycle.close_datetime = fields.Datetime.now() - timedelta(minutes=1)
        self.assertEqual(self.cycle.state, "open")

    def test_from_the_closing_instant_every_path_refuses(self):
        """Symptom 5."""
        self.assertEqual(self.order.state, "sale")
        line = self.order.order_line.filtered(lambda l: l.product_id == self.carrots)
        quantities = {l: l.product_uom_qty for l in self.order.order_line}
        slot = self.order.coop_slot_id
        other_slot = self.cycle.slot_ids.filtered(
            lambda s: s.point_id == slot.point_id and s != slot and s.kind == "pickup"
        )[:1]
        self.assertTrue(other_slot)
        self.pass_the_closing_time()
        self.authenticate("membre", "membre")
        # The shop's cart: refused, with the shop's message (logged by Odoo
        # as any refusal of a route).
        with self.assertLogs("odoo.http", "WARNING") as logs:
            self.post("/shop/cart/update", product_id=self.carrots.id, add_qty=1)
        self.assertIn("cycle", logs.output[0])
        cart = self.env["sale.order"].search(
            [
                ("partner_id", "=", self.order.partner_id.id),
                ("state", "=", "draft"),
                ("coop_cycle_id", "=", self.cycle.id),
            ]
        )
        self.assertFalse(cart.order_line, "no basket after the closing time")
        # The order's page: change, add, cancel, another slot.
        self.post(f"/my/orders/{self.order.id}/coop_edit", **{f"qty_{line.id}": 5})
        self.post(
            f"/my/orders/{self.order.id}/coop_edit",
            add_product_id=self.carrots.id,
            add_qty=1,
        )
        self.post(f"/my/orders/{self.order.id}/coop_cancel")
        self.post(f"/my/orders/{self.order.id}/coop_slot", slot_id=other_slot.id)
        self.assertEqual(self.order.state, "sale")
        self.assertEqual(
            {l: l.product_uom_qty for l in self.order.order_line}, quantities
        )
        self.assertEqual(self.order.coop_slot_id, slot)
        page = self.url_open(f"/my/orders/{self.order.id}").text
        self.assertIn("ne peut plus être modifiée", page)
        # A standing basket taken now makes no order in this cycle.
        template = self.env.ref("coop_marketplace.coop_pickup_point_fives_demo")
        template = template.slot_template_ids[:1]
        self.post(
            "/my/standing/subscribe",
            product_id=self.basket.id,
            slot_template_id=template.id,
        )
        self.assertFalse(
            self.env["sale.order"].search(
                [
                    ("partner_id", "=", self.order.partner_id.id),
                    ("coop_cycle_id", "=", self.cycle.id),
                    ("order_line.product_id", "=", self.basket.id),
                ]
            )
        )

    def test_no_context_key_switches_the_slot_owner_off(self):
        """Symptom 5: an outside client with write access sends the owner's
        context key: the slot is still booked through its owner, which
        refuses after the closing time."""
        other_slot = self.cycle.slot_ids.filtered(
            lambda s: (
                s.point_id == self.order.coop_point_id
                and s != self.order.coop_slot_id
                and s.kind == "pickup"
            )
        )[:1]
        self.pass_the_closing_time()
        with self.assertRaises(UserError):
            self.order.with_user(self.manager).with_context(coop_slot_owner=True).write(
                {"coop_slot_id": other_slot.id, "coop_slot_place": 1}
            )

    def test_a_member_of_another_coop_orders_nothing_here(self):
        """Symptom 9: an Arras member, on the Lille site, takes a basket of
        Lille's members-only cycle from "Mes paniers abonnés"."""
        self.assertTrue(self.cycle.members_only)
        arras = self.env.ref("coop_network.res_users_arras_member_demo").partner_id
        self.assertNotEqual(
            arras.with_company(self.cycle.company_id).coop_member_state, "active"
        )
        self.authenticate("arras", "arras")
        template = self.env.ref("coop_marketplace.coop_pickup_point_fives_demo")
        response = self.post(
            "/my/standing/subscribe",
            product_id=self.basket.id,
            slot_template_id=template.slot_template_ids[:1].id,
        )
        self.assertEqual(response.status_code, 200)
        orders = self.env["sale.order"].search(
            [("partner_id", "=", arras.id), ("coop_cycle_id", "=", self.cycle.id)]
        )
        self.assertFalse(orders, "no order in Lille's members-only cycle")
        self.assertFalse(
            self.env["coop.standing.order"].search([("partner_id", "=", arras.id)])
        )
        # Nor by confirming an order made for her by RPC.
        order = self.env["sale.order"].create(
            {
                "partner_id": arras.id,
                "coop_cycle_id": self.cycle.id,
                "order_line": [(0, 0, {"product_id": self.carrots.id})],
            }
        )
        with self.assertRaisesRegex(UserError, "member|membre"):
            order.action_confirm()
