# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.coop_producers.tests import common


@tagged("post_install", "-at_install", "coop_producers")
class TestProducerAccess(common.CoopProducersCommon):
    def test_producer_sees_and_edits_only_own_products(self):
        Template = self.env["product.template"].with_user(self.producer_a)
        self.assertEqual(Template.search([]), self.carrots)
        self.carrots.with_user(self.producer_a).coop_producer_price = 1.70
        with self.assertRaises(AccessError):
            self.beer.with_user(self.producer_a).read(["name"])
        with self.assertRaises(AccessError):
            self.beer.with_user(self.producer_a).write({"coop_producer_price": 0.5})
        with self.assertRaises(AccessError):
            self.beer.product_variant_id.with_user(self.producer_a).write(
                {"default_code": "HACK"}
            )
        self.assertEqual(self.beer.coop_producer_price, 2.00)

    def test_producer_creates_own_products_only(self):
        Template = self.env["product.template"].with_user(self.producer_a)
        mine = Template.create({"name": "Poireaux A", "coop_producer_price": 2.0})
        self.assertEqual(mine.coop_producer_id, self.farm_a)
        with self.assertRaises(AccessError):
            Template.create({"name": "Faux B", "coop_producer_id": self.farm_b.id})

    def test_producer_unlinks_only_unsold_products(self):
        fresh = (
            self.env["product.template"]
            .with_user(self.producer_a)
            .create({"name": "Navets A", "is_storable": True})
        )
        fresh.unlink()
        self.env["stock.quant"]._update_available_quantity(
            self.carrots.product_variant_id,
            self.env.ref("stock.stock_location_stock"),
            5,
        )
        self.env["stock.move"].create(
            {
                "name": "Réception",
                "product_id": self.carrots.product_variant_id.id,
                "product_uom_qty": 1,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.env.ref("stock.stock_location_stock").id,
            }
        )
        with self.assertRaises(UserError):
            self.carrots.with_user(self.producer_a).unlink()
        with self.assertRaises(AccessError):
            self.beer.with_user(self.producer_a).unlink()

    def test_stock_is_set_and_shown_per_platform(self):
        """Issue #32: a farm on several platforms set her stock to 45 and
        read 68 (every platform's at once). She sets and reads the stock of
        the platform she works in; the total of her platforms apart."""
        company_b = self.env["res.company"].create({"name": "Épicerie de Douai"})
        warehouse_b = self.env["stock.warehouse"].search(
            [("company_id", "=", company_b.id)], limit=1
        )
        self.assertTrue(warehouse_b)
        carrots = self.carrots.product_variant_id
        self.env["stock.quant"].with_company(company_b)._update_available_quantity(
            carrots, warehouse_b.lot_stock_id, 23
        )
        self.producer_a.company_ids |= company_b
        in_a = self.env(
            user=self.producer_a,
            context={"allowed_company_ids": [self.env.company.id, company_b.id]},
        )
        in_a["coop.producer.stock.wizard"].create(
            {"product_id": carrots.id, "quantity": 45}
        ).action_apply()
        template = in_a["product.template"].browse(self.carrots.id)
        self.assertEqual(template.coop_stock_quantity, 45)
        self.assertEqual(template.coop_stock_quantity_all, 68)
        wizard = in_a["coop.producer.stock.wizard"].new({"product_id": carrots.id})
        self.assertEqual(wizard.current_quantity, 45)
        # Working in the other platform: its own stock.
        in_b = in_a(
            context={"allowed_company_ids": [company_b.id, self.env.company.id]}
        )
        self.assertEqual(
            in_b["product.template"].browse(self.carrots.id).coop_stock_quantity, 23
        )

    def test_stock_update_through_the_wizard_only(self):
        Wizard = self.env["coop.producer.stock.wizard"].with_user(self.producer_a)
        Wizard.create(
            {"product_id": self.carrots.product_variant_id.id, "quantity": 27}
        ).action_apply()
        self.assertEqual(self.carrots.product_variant_id.qty_available, 27)
        # The typed quantity replaces the stock: 27 then 42 is 42, not 69.
        Wizard.create(
            {"product_id": self.carrots.product_variant_id.id, "quantity": 42}
        ).action_apply()
        self.assertEqual(self.carrots.product_variant_id.qty_available, 42)
        quants = self.env["stock.quant"].with_user(self.producer_a).search([])
        self.assertEqual(quants.product_id, self.carrots.product_variant_id)
        # Someone else's product, sent through RPC: refused, nothing written.
        with self.assertRaises(AccessError):
            Wizard.create(
                {"product_id": self.beer.product_variant_id.id, "quantity": 99}
            ).action_apply()
        with self.assertRaises(UserError):
            Wizard.create(
                {"product_id": self.carrots.product_variant_id.id, "quantity": -3}
            ).action_apply()
        self.assertEqual(self.beer.product_variant_id.qty_available, 0)
        self.assertEqual(self.carrots.product_variant_id.qty_available, 42)
        # Producers are not stock users: no direct inventory adjustment.
        with self.assertRaises(AccessError):
            self.env["stock.quant"].with_user(self.producer_a).with_context(
                inventory_mode=True
            ).create(
                {
                    "product_id": self.carrots.product_variant_id.id,
                    "location_id": self.env.ref("stock.stock_location_stock").id,
                    "inventory_quantity": 1000,
                }
            )

    def test_orders_and_bills_are_the_producers_own(self):
        product_a = self.carrots.product_variant_id
        product_b = self.beer.product_variant_id
        Order = self.env["purchase.order"]
        order_a = Order.create(
            {
                "partner_id": self.farm_a.id,
                "order_line": [
                    Command.create({"product_id": product_a.id, "product_qty": 10})
                ],
            }
        )
        order_b = Order.create(
            {
                "partner_id": self.farm_b.id,
                "order_line": [
                    Command.create({"product_id": product_b.id, "product_qty": 5})
                ],
            }
        )
        self.assertEqual(Order.with_user(self.producer_a).search([]), order_a)
        with self.assertRaises(AccessError):
            order_b.with_user(self.producer_a).read(["amount_total"])
        with self.assertRaises(AccessError):
            order_a.with_user(self.producer_a).write({"notes": "changed"})
        # Their receipts, read only (their order's form lists them).
        (order_a | order_b).button_confirm()
        Picking = self.env["stock.picking"].with_user(self.producer_a)
        self.assertEqual(Picking.search([]), order_a.picking_ids)
        self.assertEqual(
            order_a.with_user(self.producer_a).picking_ids.mapped("state"),
            ["assigned"],
        )
        with self.assertRaises(AccessError):
            order_b.picking_ids.with_user(self.producer_a).read(["name"])
        with self.assertRaises(AccessError):
            order_a.picking_ids.with_user(self.producer_a).write({"origin": "x"})
        Move = self.env["account.move"]
        bill_a, bill_b = Move.create(
            [
                {
                    "move_type": "in_invoice",
                    "partner_id": farm.id,
                    "invoice_date": "2026-11-01",
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Relevé", "quantity": 1, "price_unit": 10}
                        )
                    ],
                }
                for farm in (self.farm_a, self.farm_b)
            ]
        )
        self.assertEqual(Move.with_user(self.producer_a).search([]), bill_a)
        with self.assertRaises(AccessError):
            bill_b.with_user(self.producer_a).read(["amount_total"])

    def test_producer_sees_no_member_data(self):
        Partner = self.env["res.partner"].with_user(self.producer_a)
        with self.assertRaises(AccessError):
            self.member.with_user(self.producer_a).read(["email"])
        with self.assertRaises(AccessError):
            self.farm_b.with_user(self.producer_a).read(["name"])
        visible = Partner.search(
            [("id", "in", (self.member | self.farm_a | self.farm_b).ids)]
        )
        self.assertEqual(visible, self.farm_a)

    def test_logistics_manage_every_producer(self):
        Template = self.env["product.template"].with_user(self.logistics)
        self.assertEqual(
            Template.search(
                [("coop_producer_id", "in", (self.farm_a | self.farm_b).ids)]
            ),
            self.carrots | self.beer,
        )
        self.beer.with_user(self.logistics).coop_producer_price = 2.40
        self.assertAlmostEqual(self.beer.list_price, 3.00)
