# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "coop_shelf_label")
class TestShelfLabel(TransactionCase):
    """The épicerie's shelf labels on the demo: what they say, and the queue
    of labels to print again."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.a4 = cls.env.ref("coop_shelf_label.print_category_a4")
        cls.roll = cls.env.ref("coop_shelf_label.print_category_roll")
        cls.lentils = cls.env.ref("coop_members.product_lentilles_vrac_demo")
        cls.maroilles = cls.env.ref("coop_members.product_maroilles_demo")
        cls.beer = cls.env.ref("coop_members.product_biere_demo")
        cls.carrots = cls.env.ref(
            "coop_producers.product_marais_1_demo"
        ).product_variant_id
        cls.farmer = new_test_user(
            cls.env, login="maraichere", groups="coop_producers.group_coop_producer"
        )
        cls.farmer.coop_producer_id = cls.carrots.coop_producer_id
        cls.manager = cls.env.ref("coop_members.res_users_manager_demo")

    def _wizard(self, products):
        return (
            self.env["product.print.wizard"]
            .with_user(self.manager)
            .with_context(active_model="product.product", active_ids=products.ids)
            .create({})
        )

    def _label_html(self, products):
        wizard = self._wizard(products)
        action = wizard.print_report()
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            action["report_name"], wizard.line_ids.ids
        )
        # The words a person reads on the label.
        body = html.decode().split("</style>")[1]
        return " ".join(re.sub(r"<[^>]+>", " ", body).split())

    def test_a_label_says_the_price_with_taxes_and_per_kg_or_litre(self):
        # Bulk lentils: 4.80 + 5.5 % = 5.06 € the kg; their traces shown.
        self.assertAlmostEqual(self.lentils.coop_shelf_price, 5.06, places=2)
        self.assertTrue(self.lentils.coop_shelf_sold_by_measure)
        html = self._label_html(self.lentils)
        self.assertIn("5,06 € / kg", html)
        self.assertIn("Peut contenir des traces de Gluten.", html)
        self.assertNotIn("Allergènes", html)
        self.assertIn("2000000000039", html)
        # The beer, 33 cl at 2.90 + 20 %: 3.48 €, that is 10.55 € the litre.
        self.assertAlmostEqual(self.beer.coop_shelf_price, 3.48, places=2)
        self.assertEqual(self.beer.coop_shelf_unit_measure, "l")
        self.assertAlmostEqual(self.beer.coop_shelf_unit_price, 10.55, places=2)
        html = self._label_html(self.beer)
        self.assertIn("3,48 € soit 10,55 € / L", html)
        # Packaged goods carry their allergens on the package, not the shelf.
        self.assertNotIn("Allergènes", self._label_html(self.maroilles))
        # The producer and the origin.
        self.carrots.country_id = self.env.ref("base.fr")
        html = self._label_html(self.carrots)
        self.assertIn(self.carrots.coop_producer_id.name, html)
        self.assertIn("France", html)

    def test_a_price_change_queues_the_label_and_printing_empties_the_queue(self):
        self.assertEqual(self.carrots.print_category_id, self.a4)
        self.assertFalse(self.carrots.to_print)
        carrots = self.carrots.product_tmpl_id.with_user(self.farmer)
        # Her storage advice is not on the label: nothing to reprint.
        carrots.coop_storage = "Au frais, dans le bac à légumes."
        self.assertFalse(self.carrots.to_print)
        # Her own price (the consumer price follows), from her space.
        carrots.coop_producer_price = 1.9
        self.assertTrue(self.carrots.to_print)
        self.assertIn(self.carrots, self.a4.product_to_print_ids)
        # The staff print the category's queue; the queue empties.
        wizard = (
            self.env["product.print.wizard"]
            .with_user(self.manager)
            .with_context(active_model="product.print.category", active_ids=self.a4.ids)
            .create({})
        )
        queued = wizard.line_ids.product_id
        self.assertIn(self.carrots, queued)
        self.assertIn(self.lentils, queued)  # the demo's new barcodes
        self.assertIn(self.maroilles, queued)
        self.assertNotIn(self.beer, queued)  # on the roll's queue
        action = wizard.print_report()
        self.assertEqual(
            action["report_name"], "coop_shelf_label.report_shelf_label_a4"
        )
        self.env["ir.actions.report"].with_user(self.manager)._render_qweb_html(
            action["report_name"], wizard.line_ids.ids
        )
        self.assertFalse(queued.filtered("to_print"))
        self.a4.invalidate_recordset()
        self.assertFalse(self.a4.product_to_print_qty)

    def test_a_product_the_till_sells_joins_the_labels(self):
        Template = self.env["product.template"].with_user(self.farmer)
        online_only = Template.create({"name": "Panais (1 kg)"})
        self.assertFalse(online_only.product_variant_id.print_category_id)
        at_the_till = Template.create(
            {"name": "Céleri-rave (pièce)", "available_in_pos": True}
        )
        self.assertEqual(at_the_till.product_variant_id.print_category_id, self.a4)
        self.assertTrue(at_the_till.product_variant_id.to_print)
        online_only.with_user(self.manager).available_in_pos = True
        self.assertEqual(online_only.product_variant_id.print_category_id, self.a4)

    def test_sheets_and_roll_print_apart(self):
        with self.assertRaisesRegex(UserError, "imprimez chaque catégorie à part"):
            self._wizard(self.beer | self.lentils).print_report()
        action = self._wizard(self.beer).print_report()
        self.assertEqual(
            action["report_name"], "coop_shelf_label.report_shelf_label_roll"
        )

    def test_a_change_on_one_product_queues_its_label_only(self):
        """OCA's mixin queued the whole category when one variant changed."""
        eggs = self.env.ref("coop_members.product_oeufs_demo")
        carrots = self.carrots
        self.assertEqual(eggs.print_category_id, carrots.print_category_id)
        (eggs | carrots).to_print = False
        eggs.barcode = "2000000000060"
        self.assertTrue(eggs.to_print)
        self.assertFalse(carrots.to_print)
        # A label already waiting stays in the queue whatever is written.
        eggs.standard_price = 2.7
        self.assertTrue(eggs.to_print)
