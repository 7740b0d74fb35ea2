# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install", "coop_marketplace", "coop_tour")
class TestMemberOrderTour(HttpCase):
    """The member's whole order in Chromium: two producers' products, a
    pickup point, a slot (the full one can't be taken), the demo payment,
    the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        env = cls.env
        cls.website = env["website"].get_current_website()
        cls.website.coop_cycle_shop = True
        env["coop.order.cycle"].search([("state", "=", "open")]).state = "closed"
        env["coop.pickup.point"].search([]).active = False
        Partner = env["res.partner"]
        farm, brewery = Partner.create(
            [
                {"name": "Ferme tour", "is_company": True, "coop_is_producer": True},
                {
                    "name": "Brasserie tour",
                    "is_company": True,
                    "coop_is_producer": True,
                },
            ]
        )
        products = env["product.product"].create(
            [
                {
                    "name": name,
                    "is_storable": True,
                    "coop_producer_id": producer.id,
                    "coop_producer_price": price,
                    "is_published": True,
                    "website_id": cls.website.id,
                    "taxes_id": [Command.clear()],
                }
                for name, producer, price in (
                    ("Carottes tour", farm, 1.74),
                    ("Bière tour", brewery, 2.61),
                )
            ]
        )
        cls.point = env["coop.pickup.point"].create(
            {
                "name": "Point tour Hellemmes",
                "partner_id": Partner.create(
                    {
                        "name": "Maison de quartier",
                        "street": "12 rue Roger Salengro",
                        "city": "Hellemmes",
                        "zip": "59260",
                        "country_id": env.ref("base.fr").id,
                    }
                ).id,
            }
        )
        today = fields.Date.today()
        now = fields.Datetime.now()
        cls.cycle = env["coop.order.cycle"].create(
            {
                "name": "Cycle tour",
                "open_datetime": now - timedelta(hours=1),
                "close_datetime": now + timedelta(days=2),
                "pickup_date_from": today + timedelta(days=3),
                "pickup_date_to": today + timedelta(days=3),
                "line_ids": [Command.create({"product_id": p.id}) for p in products],
            }
        )
        cls.cycle.action_open()
        start = now + timedelta(days=3)
        cls.full_slot, cls.slot = env["coop.slot"].create(
            [
                {
                    "point_id": cls.point.id,
                    "cycle_id": cls.cycle.id,
                    "start_datetime": start + timedelta(hours=h),
                    "end_datetime": start + timedelta(hours=h + 2),
                    "capacity": 1,
                }
                for h in (0, 3)
            ]
        )
        other = env["sale.order"].create(
            {
                "partner_id": Partner.create({"name": "Déjà inscrit"}).id,
                "coop_cycle_id": cls.cycle.id,
            }
        )
        other._coop_set_pickup_slot(cls.full_slot)
        cls.carrier = env["delivery.carrier"].create(
            {
                "name": "Retrait tour",
                "delivery_type": "coop_pickup",
                "is_published": True,
                "website_id": cls.website.id,
                "product_id": env["product.product"]
                .create({"name": "Retrait tour", "type": "service", "list_price": 0})
                .id,
                "coop_pickup_point_ids": [Command.set(cls.point.ids)],
            }
        )
        env["delivery.carrier"].search(
            [("id", "!=", cls.carrier.id)]
        ).is_published = False
        env.ref("payment.payment_provider_demo").write(
            {"state": "test", "is_published": True}
        )
        cls.user = new_test_user(
            env,
            login="coop_tour_member",
            password="coop_tour_member",
            groups="base.group_portal",
            name="Membre Tour",
        )
        cls.user.partner_id.write(
            {
                "coop_member_state": "active",
                "email": "membre.tour@example.org",
                "street": "3 rue Pierre Legrand",
                "city": "Lille",
                "zip": "59800",
                "country_id": env.ref("base.fr").id,
                "phone": "0320000000",
            }
        )

    def test_member_orders_for_a_slot(self):
        self.start_tour(
            "/shop", "coop_marketplace_member_order", login="coop_tour_member"
        )
        order = self.env["sale.order"].search(
            [
                ("partner_id", "=", self.user.partner_id.id),
                ("coop_cycle_id", "=", self.cycle.id),
            ]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.coop_point_id, self.point)
        self.assertEqual(order.coop_slot_id, self.slot)
        self.assertEqual(self.slot.booked, 1)
        self.assertEqual(self.full_slot.booked, 1)
        self.assertEqual(
            set(
                order.order_line.filtered(
                    lambda l: not l.is_delivery
                ).product_id.mapped("name")
            ),
            {"Carottes tour", "Bière tour"},
        )
        # Prices from the server: 1.74 / 0.87 = 2.00 and 2.61 / 0.87 = 3.00.
        self.assertAlmostEqual(order.amount_total, 5.00)
        self.assertEqual(order.transaction_ids.state, "done")
