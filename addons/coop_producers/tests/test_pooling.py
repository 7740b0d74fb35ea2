# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.coop_producers.tests import common


@tagged("post_install", "-at_install", "coop_producers")
class TestPooling(common.CoopProducersCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.farm_c = Partner.create(
            {"name": "Ferme C", "is_company": True, "coop_is_producer": True}
        )
        # Carrots are offered by A (60) and C (20); beer only by B (no limit).
        cls.carrots_p = cls.carrots.product_variant_id
        cls.beer_p = cls.beer.product_variant_id
        cls.env["product.supplierinfo"].create(
            [
                {
                    "partner_id": cls.farm_a.id,
                    "product_tmpl_id": cls.carrots.id,
                    "coop_offer_qty": 60,
                },
                {
                    "partner_id": cls.farm_c.id,
                    "product_tmpl_id": cls.carrots.id,
                    "coop_offer_qty": 20,
                },
            ]
        )
        cls.Pooling = cls.env["coop.pooling"].with_user(cls.logistics)

    def demand(self, *lines):
        return [
            {
                "product_id": product.id,
                "quantity": qty,
                "destination": dest,
                "origin": f"SO{i}",
            }
            for i, (product, qty, dest) in enumerate(lines)
        ]

    def allocated(self, pooling, producer, product):
        return sum(
            pooling.allocation_ids.filtered(
                lambda a: a.producer_id == producer and a.product_id == product
            ).mapped("quantity")
        )

    def test_split_in_proportion_to_offers(self):
        pooling = self.Pooling._pool(
            "cycle:1",
            self.demand(
                (self.carrots_p, 30, "Hellemmes"),
                (self.carrots_p, 11, "Lomme"),
                (self.beer_p, 12, "Lomme"),
            ),
        )
        # 41 carrots for offers 60 / 20: 30.75 and 10.25 → 31 and 10.
        self.assertEqual(self.allocated(pooling, self.farm_a, self.carrots_p), 31)
        self.assertEqual(self.allocated(pooling, self.farm_c, self.carrots_p), 10)
        self.assertEqual(self.allocated(pooling, self.farm_b, self.beer_p), 12)
        self.assertFalse(pooling.shortage_ids)
        orders = pooling.purchase_order_ids
        self.assertEqual(orders.partner_id, self.farm_a | self.farm_b | self.farm_c)
        po_a = orders.filtered(lambda o: o.partner_id == self.farm_a)
        self.assertEqual(po_a.order_line.product_qty, 31)
        self.assertEqual(po_a.order_line.price_unit, 1.60)
        # The breakdown per destination adds up to the demand of each.
        by_destination = {}
        for allocation in pooling.allocation_ids.filtered(
            lambda a: a.product_id == self.carrots_p
        ):
            by_destination[allocation.destination] = (
                by_destination.get(allocation.destination, 0) + allocation.quantity
            )
        self.assertEqual(by_destination, {"Hellemmes": 30, "Lomme": 11})

    def test_each_producer_at_their_own_price(self):
        # Farm C asks 1.50 for its carrots; farm A has no price of its own
        # and is paid the product's producer price.
        self.env["product.supplierinfo"].search(
            [("partner_id", "=", self.farm_c.id)]
        ).price = 1.50
        pooling = self.Pooling._pool(
            "cycle:price", self.demand((self.carrots_p, 40, "Lille"))
        )
        prices = {
            order.partner_id: order.order_line.price_unit
            for order in pooling.purchase_order_ids
        }
        self.assertEqual(prices, {self.farm_a: 1.60, self.farm_c: 1.50})

    def test_shortage_never_above_an_offer(self):
        pooling = self.Pooling._pool(
            "cycle:2", self.demand((self.carrots_p, 100, "Lille"))
        )
        self.assertEqual(self.allocated(pooling, self.farm_a, self.carrots_p), 60)
        self.assertEqual(self.allocated(pooling, self.farm_c, self.carrots_p), 20)
        self.assertEqual(pooling.shortage_ids.missing, 20)
        self.assertEqual(pooling.shortage_ids.allocated, 80)

    def test_split_is_deterministic(self):
        split = self.env["coop.pooling"]._split
        offers = {7: 10, 3: 10, 5: 10}
        self.assertEqual(
            split(10, offers, 1), split(10, dict(reversed(offers.items())), 1)
        )
        # 10 for three equal offers: 3 each, the step left to the lowest id.
        self.assertEqual(split(10, offers, 1), {3: 4, 5: 3, 7: 3})
        self.assertEqual(split(0.5, {1: 1.0, 2: 1.0}, 0.1), {1: 0.3, 2: 0.2})
        for demand in range(40):
            shares = split(demand, {1: 7, 2: 13, 3: 5}, 1)
            self.assertEqual(sum(shares.values()), min(demand, 25))
            self.assertTrue(
                all(
                    shares[p] <= cap
                    for p, cap in ((1, 7), (2, 13), (3, 5))
                    if p in shares
                )
            )

    def test_poolings_pooled_together_keep_their_own_offers(self):
        carrots = self.Pooling._pool(
            "week:carrots", self.demand((self.carrots_p, 10, "Lille"))
        )
        beer = self.Pooling._pool("week:beer", self.demand((self.beer_p, 6, "Lille")))
        (carrots | beer).action_pool()
        self.assertEqual(beer.purchase_order_ids.partner_id, self.farm_b)
        self.assertFalse(beer.shortage_ids, "the beer's own offer, not the carrots'")
        self.assertEqual(self.allocated(beer, self.farm_b, self.beer_p), 6)

    def test_pooling_lands_in_the_company_asked(self):
        company_b = self.env["res.company"].create({"name": "Épicerie d'Arras"})
        self.logistics.company_ids |= company_b
        pooling = self.Pooling.with_company(company_b)._pool(
            "cycle:arras", self.demand((self.beer_p, 6, "Arras"))
        )
        self.assertEqual(pooling.company_id, company_b)
        self.assertEqual(pooling.purchase_order_ids.company_id, company_b)

    def test_pooling_again_by_hand_gives_the_same_orders(self):
        """The offers are stored beside the demand: the producers' supplier
        info changing since doesn't change a pooling run again."""
        pooling = self.Pooling._pool(
            "week:repool", self.demand((self.carrots_p, 40, "Lille"))
        )
        before = {
            (a.producer_id, a.product_id): a.quantity for a in pooling.allocation_ids
        }
        self.assertEqual(len(pooling.offer_ids), 2)  # farms A and C
        self.env["product.supplierinfo"].search(
            [("partner_id", "=", self.farm_c.id)]
        ).coop_offer_qty = 1
        pooling.action_pool()
        after = {
            (a.producer_id, a.product_id): a.quantity for a in pooling.allocation_ids
        }
        self.assertEqual(after, before)
        # A product newly in demand takes its producer's offer.
        pooling._set_demand(
            self.demand((self.carrots_p, 40, "Lille"), (self.beer_p, 6, "Lille"))
        )
        pooling.action_pool()
        self.assertEqual(self.allocated(pooling, self.farm_b, self.beer_p), 6)
        self.assertEqual(
            self.allocated(pooling, self.farm_c, self.carrots_p),
            before[self.farm_c, self.carrots_p],
        )

    def test_pooling_again_creates_no_duplicates(self):
        demand = self.demand((self.carrots_p, 20, "Lille"), (self.beer_p, 5, "Lille"))
        first = self.Pooling._pool("cycle:3", demand)
        orders = first.purchase_order_ids
        again = self.Pooling._pool("cycle:3", demand)
        self.assertEqual(again, first)
        self.assertEqual(len(again.purchase_order_ids), len(orders))
        self.assertEqual(
            self.env["purchase.order"].search_count(
                [("coop_pooling_id", "=", first.id)]
            ),
            len(orders),
        )
        again.purchase_order_ids[0].button_confirm()
        with self.assertRaises(UserError):
            self.Pooling._pool("cycle:3", demand)

    def test_bad_demand(self):
        with self.assertRaises(UserError):
            self.Pooling._pool("cycle:4", self.demand((self.carrots_p, -1, "Lille")))

    def test_queries_grow_with_producers_not_lines(self):
        def queries(lines):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Pooling._pool(f"bench:{len(lines)}", lines)
            return self.env.cr.sql_log_count - before

        queries(self.demand((self.beer_p, 1, "P0")))  # warm the caches
        few = queries(self.demand(*[(self.beer_p, 1, f"P{i % 4}") for i in range(8)]))
        many = queries(
            self.demand(*[(self.beer_p, 1, f"P{i % 4}") for i in range(200)])
        )
        # Demand is summed per product and destination: 200 lines cost
        # exactly what 8 lines cost.
        self.assertEqual(many, few, f"{few} queries for 8 lines, {many} for 200")
        demand = self.env["coop.pooling"].search([("reference", "=", "bench:200")])
        self.assertEqual(len(demand.demand_ids), 4)
        self.assertEqual(sum(demand.demand_ids.mapped("line_count")), 200)

    def test_producer_sees_own_pooled_order_only(self):
        pooling = self.Pooling._pool(
            "cycle:5",
            self.demand((self.carrots_p, 10, "Lille"), (self.beer_p, 3, "Lille")),
        )
        Order = self.env["purchase.order"].with_user(self.producer_a)
        self.assertEqual(
            Order.search([("coop_pooling_id", "=", pooling.id)]).partner_id, self.farm_a
        )
        with self.assertRaises(AccessError):
            self.env["coop.pooling"].with_user(self.producer_a).search([]).read(
                ["name"]
            )

    def test_producer_reads_own_offers_only(self):
        offers = self.env["product.supplierinfo"].with_user(self.producer_a).search([])
        self.assertEqual(offers.partner_id, self.farm_a)
