# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "coop_marketplace_solidarity")
class TestTiersOnMarketplace(TransactionCase):
    """On the demo data: a member at "Price A" (−60 %) orders vegetables and
    a brewery's beer, delivered by bike."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls.env.ref("coop_members.coop_member_demo_01")
        cls.tier = cls.env.ref("coop_solidarity_price.coop_price_tier_a_demo")
        cls.carrots = cls.env.ref(
            "coop_producers.product_marais_1_demo"
        ).product_variant_id
        cls.beer = cls.env.ref(
            "coop_producers.product_lilloise_1_demo"
        ).product_variant_id
        cls.bike = cls.env.ref("coop_marketplace.delivery_carrier_bike_demo")
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.member.id,
                "order_line": [
                    (0, 0, {"product_id": cls.carrots.id, "product_uom_qty": 2}),
                    (0, 0, {"product_id": cls.beer.id, "product_uom_qty": 6}),
                ],
            }
        )
        cls.reference = cls.env["coop.price.tier"]._reference_prices(
            cls.carrots | cls.beer | cls.bike.product_id
        )

    def _line(self, product):
        return self.order.order_line.filtered(lambda line: line.product_id == product)

    def test_the_producers_beer_is_never_discounted(self):
        self.assertEqual(self.order.pricelist_id, self.tier.pricelist_id)
        self.assertAlmostEqual(
            self._line(self.carrots).price_unit,
            round(self.reference[self.carrots.id] * 0.4 / 0.05) * 0.05,
        )
        self.assertAlmostEqual(
            self._line(self.beer).price_unit, self.reference[self.beer.id]
        )

    def test_delivery_fee_at_reference_price_and_out_of_the_fund(self):
        rate = self.bike.rate_shipment(self.order)
        self.assertTrue(rate["success"], rate["error_message"])
        self.assertEqual(rate["price"], 4.0)  # Odoo alone: 1.60 (−60 %)
        self.order.set_delivery_line(self.bike, rate["price"])
        fee = self.order.order_line.filtered("is_delivery")
        self.assertEqual(fee.price_unit, 4.0)
        used_before = self.member._coop_advantage_used().get(self.member.id, 0.0)

        self.order.action_confirm()

        entries = self.env["coop.solidarity.entry"].search(
            [("sale_order_line_id", "in", self.order.order_line.ids)]
        )
        # Only the carrots: not the beer (reference price), not the fee.
        self.assertEqual(entries.product_id, self.carrots)
        advantage = self._carrots_advantage()
        self.assertAlmostEqual(entries.member_advantage, advantage)
        self.assertAlmostEqual(
            self.member._coop_advantage_used().get(self.member.id, 0.0),
            used_before + advantage,
        )

    def _carrots_advantage(self):
        """What the member saves on 2 kg of carrots, taxes included."""
        line = self._line(self.carrots)

        def incl(price):
            return line.tax_id.compute_all(price, quantity=2)["total_included"]

        return round(incl(self.reference[self.carrots.id]) - incl(line.price_unit), 2)

    def test_a_fee_priced_apart_never_enters_the_allowance(self):
        # Even a fee whose product costs something else on the price list
        # (a carrier set up by hand) is out of the member's allowance.
        self.order.set_delivery_line(self.bike, 2.5)
        self.assertAlmostEqual(
            self.order._coop_advantage(self.tier), self._carrots_advantage()
        )

    def test_every_alcohol_of_the_demo_at_the_reference_price(self):
        """The brewery's beers, the cider and the épicerie's beer: no
        discounted tier changes their price."""
        alcohol = self.env["product.product"].search(
            [
                (
                    "categ_id",
                    "child_of",
                    [
                        self.env.ref("coop_producers.product_category_beer_demo").id,
                        self.env.ref(
                            "coop_solidarity_price.product_category_alcohol_demo"
                        ).id,
                    ],
                )
            ]
        )
        self.assertGreaterEqual(len(alcohol), 10)
        reference = self.env["coop.price.tier"]._reference_prices(alcohol)
        tiers = self.env["coop.price.tier"].search([("is_discount", "=", True)])
        self.assertTrue(tiers)
        for tier in tiers:
            prices = tier.pricelist_id._compute_price_rule(alcohol, 1.0)
            for product in alcohol:
                with self.subTest(tier=tier.display_label, product=product.name):
                    self.assertAlmostEqual(prices[product.id][0], reference[product.id])

    def test_the_close_gives_the_fund_back_the_missing_goods(self):
        """Carrots short at the close of the demo's cycle: the orders lose
        them, and the fund's entries of every order line net to what the
        line still sells (cost and allowance given back, counted once)."""
        cycle = self.env.ref("coop_marketplace.coop_order_cycle_demo")
        offer = cycle.line_ids.filtered(lambda line: line.product_id == self.carrots)
        self.assertGreater(offer.ordered_qty, 1)
        offer.offered_qty = 1
        cycle._close_orders()
        lines = (
            self.env["sale.order"]
            .search([("coop_cycle_id", "=", cycle.id), ("state", "=", "sale")])
            .order_line
        )
        carrots = lines.filtered(lambda line: line.product_id == self.carrots)
        self.assertEqual(sum(carrots.mapped("product_uom_qty")), 1)
        Entry = self.env["coop.solidarity.entry"]
        tiered = 0
        for line in lines:
            entries = Entry.search([("sale_order_line_id", "=", line.id)])
            if not entries:
                continue
            tiered += 1
            with self.subTest(line=line.display_name):
                self.assertAlmostEqual(
                    sum(entries.mapped("quantity")), line.product_uom_qty
                )
        self.assertTrue(tiered, "the demo's members order at their tiers")
