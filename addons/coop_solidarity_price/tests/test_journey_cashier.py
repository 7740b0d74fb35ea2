# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged
from odoo.tools.misc import formatLang


@tagged("post_install", "-at_install", "coop_solidarity_price", "coop_tour")
class TestJourneyCashier(HttpCase):
    """The cashier's journey on the demo data: the demo login "caisse", the
    demo till and the demo member at "Tarif B"; no set-up of its own."""

    def _advantage(self, product, qty, pricelist, reference):
        """Reference price minus the price paid, taxes included, rounded
        (worked out here from the prices and taxes, not with the code under
        test)."""
        taxes = product.taxes_id._filter_taxes_by_company(self.env.company)
        currency = self.env.company.currency_id

        def incl(price):
            return taxes.compute_all(price, currency, qty, product)["total_included"]

        return currency.round(
            incl(reference._get_product_price(product, 1.0))
            - incl(pricelist._get_product_price(product, 1.0))
        )

    def test_cashier_sells_to_a_member_at_her_tier(self):
        till = self.env["pos.config"].search([("name", "=", "Caisse épicerie")])
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        self.assertEqual(amina.with_context(lang="fr_FR").coop_tier_label, "Tarif B")
        self.assertEqual(amina.coop_member_number, "00033")
        pricelist = amina.property_product_pricelist
        reference = till.coop_reference_pricelist_id
        bread = self.env.ref("coop_members.product_pain_campagne_demo")
        beer = self.env.ref("coop_members.product_biere_demo")
        advantage = self._advantage(bread, 2, pricelist, reference)
        self.assertGreater(advantage, 0)
        self.assertEqual(self._advantage(beer, 1, pricelist, reference), 0, "alcohol")
        remaining = amina.coop_cap_remaining
        self.assertGreater(remaining, advantage)

        self.start_tour(
            f"/pos/ui?config_id={till.id}&coop_advantage="
            + formatLang(self.env(context={"lang": "fr_FR"}), advantage),
            "coop_solidarity_journey_cashier",
            login="caisse",
        )

        order = self.env["pos.order"].search(
            [("config_id", "=", till.id), ("state", "in", ("paid", "done"))]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.partner_id, amina)
        self.assertEqual(order.user_id.login, "caisse")
        # Her tier's prices, computed by the server's pricelist.
        self.assertEqual(order.pricelist_id, pricelist)
        for line in order.lines:
            self.assertAlmostEqual(
                line.price_unit, pricelist._get_product_price(line.product_id, 1.0)
            )
        # The fund records the bread, not the beer; the allowance left in the
        # backend is what the till showed: one definition of the advantage.
        entries = self.env["coop.solidarity.entry"].search(
            [("pos_order_line_id", "in", order.lines.ids)]
        )
        self.assertEqual(entries.product_id, bread)
        self.assertAlmostEqual(sum(entries.mapped("member_advantage")), advantage)
        amina.invalidate_recordset()
        self.assertAlmostEqual(amina.coop_cap_remaining, remaining - advantage)


@tagged("post_install", "-at_install", "coop_solidarity_price", "coop_tour")
class TestJourneyCashierTablet(TestJourneyCashier):
    """The same journey on the épicerie's 1024×768 tablet."""

    browser_size = "1024x768"


@tagged("post_install", "-at_install", "coop_solidarity_price", "coop_tour")
class TestJourneyCashierBulk(HttpCase):
    """Bulk at the demo till (login "caisse"), on the épicerie's tablet: the
    net weight of Amina's lentils, jar taken off, at her tier's price per
    kg; the fund counts the kilos sold."""

    browser_size = "1024x768"

    def test_cashier_weighs_bulk_with_the_jars_tare(self):
        till = self.env["pos.config"].search([("name", "=", "Caisse épicerie")])
        self.assertFalse(till.iface_electronic_scale, "no scale: typed by hand")
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        lentils = self.env.ref("coop_members.product_lentilles_vrac_demo")
        self.assertTrue(lentils.to_weight)
        pricelist = amina.property_product_pricelist
        reference = till.coop_reference_pricelist_id
        per_kg = pricelist._get_product_price(lentils, 1.0)
        self.assertLess(per_kg, reference._get_product_price(lentils, 1.0))

        self.start_tour(
            f"/pos/ui?config_id={till.id}",
            "coop_solidarity_journey_cashier_bulk",
            login="caisse",
        )

        order = self.env["pos.order"].search(
            [("config_id", "=", till.id), ("state", "in", ("paid", "done"))]
        )
        self.assertEqual(len(order), 1)
        line = order.lines
        self.assertEqual(line.product_id, lentils)
        self.assertAlmostEqual(line.qty, 0.5, 3)
        self.assertAlmostEqual(line.price_unit, per_kg, 2)
        self.assertAlmostEqual(
            order.amount_total,
            line.tax_ids.compute_all(per_kg, quantity=0.5)["total_included"],
            2,
        )
        entry = self.env["coop.solidarity.entry"].search(
            [("pos_order_line_id", "=", line.id)]
        )
        self.assertAlmostEqual(entry.quantity, 0.5, 3)
        self.assertAlmostEqual(
            entry.amount,
            round(0.5 * (per_kg - reference._get_product_price(lentils, 1.0)), 2),
            2,
        )
