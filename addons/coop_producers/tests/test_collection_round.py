# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.coop_producers.tests import common


@tagged("post_install", "-at_install", "coop_producers")
class TestCollectionRound(common.CoopProducersCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.farm_a.coop_distance_km = 30
        cls.farm_b.coop_distance_km = 5
        cls.carrots.weight = 1.0
        cls.beer.weight = 0.5
        Order = cls.env["purchase.order"]
        cls.po_a, cls.po_b = Order.create(
            [
                {
                    "partner_id": cls.farm_a.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.carrots.product_variant_id.id,
                                "product_qty": 40,
                            }
                        )
                    ],
                },
                {
                    "partner_id": cls.farm_b.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.beer.product_variant_id.id,
                                "product_qty": 24,
                            }
                        )
                    ],
                },
            ]
        )
        cls.round = (
            cls.env["coop.collection.round"]
            .with_user(cls.logistics)
            .create({"name": "Tournée Pévèle", "vehicle_capacity_kg": 60})
        )

    def test_stops_loads_and_capacity(self):
        with self.assertRaises(UserError):
            self.round.action_add_purchase_orders(self.po_a)  # not confirmed
        (self.po_a | self.po_b).button_confirm()
        self.round.action_add_purchase_orders(self.po_a | self.po_b)
        stops = self.round.stop_ids
        # Nearest first: the brewery (5 km), then the farm (30 km).
        self.assertEqual(stops.mapped("producer_id"), self.farm_b | self.farm_a)
        self.assertEqual(stops[0].producer_id, self.farm_b)
        self.assertEqual(stops[0].load_kg, 12.0)
        self.assertEqual(stops[1].load_items, 40)
        self.assertEqual(self.round.load_kg, 52.0)
        self.assertFalse(self.round.over_capacity)
        self.assertTrue(stops[1].picking_ids)
        self.round.vehicle_capacity_kg = 50
        self.assertTrue(self.round.over_capacity)
        # Adding the same orders again adds no stop.
        self.round.action_add_purchase_orders(self.po_a)
        self.assertEqual(len(self.round.stop_ids), 2)

    def test_round_sheet_and_producer_access(self):
        (self.po_a | self.po_b).button_confirm()
        self.round.action_add_purchase_orders(self.po_a | self.po_b)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "coop_producers.action_report_collection_round", self.round.ids
        )
        self.assertIn("Tournée Pévèle", html.decode())
        self.assertIn("Carottes A", html.decode())
        stops = self.env["coop.collection.stop"].with_user(self.producer_a).search([])
        self.assertEqual(stops.producer_id, self.farm_a)
        with self.assertRaises(AccessError):
            self.round.with_user(self.producer_a).write({"name": "X"})

    def test_receipts_grouped_in_one_batch(self):
        with self.assertRaises(UserError):
            self.round.action_group_receipts()  # no stop yet
        (self.po_a | self.po_b).button_confirm()
        self.round.action_add_purchase_orders(self.po_a | self.po_b)
        self.round.action_group_receipts()
        batch = self.round.batch_id
        receipts = (self.po_a | self.po_b).picking_ids
        self.assertEqual(len(receipts), 2)
        self.assertEqual(batch.picking_ids, receipts)
        self.assertEqual(batch.description, "Tournée Pévèle")
        # Grouping again keeps the same batch and adds nothing twice.
        self.round.action_group_receipts()
        self.assertEqual(self.round.batch_id, batch)
        self.assertEqual(len(batch.picking_ids), 2)
        # Another driver takes the round: the batch's responsible follows.
        driver = self.env["res.users"].create(
            {"name": "Julien Carpentier", "login": "chauffeur.tournee"}
        )
        self.round.driver_id = driver
        self.assertEqual(batch.user_id, driver)
        # Producers don't see the batch field on their rounds.
        with self.assertRaises(AccessError):
            self.round.with_user(self.producer_a).read(["batch_id"])

    def test_round_from_a_pooling_collects_and_receives(self):
        pooling = (
            self.env["coop.pooling"]
            .with_user(self.logistics)
            ._pool(
                "round:1",
                [
                    {
                        "product_id": self.carrots.product_variant_id.id,
                        "quantity": 12,
                        "destination": "Lomme",
                    },
                    {
                        "product_id": self.beer.product_variant_id.id,
                        "quantity": 6,
                        "destination": "Lomme",
                    },
                ],
            )
        )
        self.round.pooling_id = pooling
        with self.assertRaises(UserError):
            self.round.action_add_pooling_orders()  # orders still in draft
        pooling.action_confirm_orders()
        self.assertEqual(set(pooling.purchase_order_ids.mapped("state")), {"purchase"})
        self.round.action_add_pooling_orders()
        self.assertEqual(self.round.stop_ids.producer_id, self.farm_a | self.farm_b)
        self.round.action_validate_receipts()
        receipts = pooling.purchase_order_ids.picking_ids
        self.assertEqual(set(receipts.mapped("state")), {"done"})
        self.assertEqual(self.round.batch_id.state, "done")
        self.assertEqual(self.carrots.qty_available, 12)
        self.assertEqual(self.beer.qty_available, 6)
