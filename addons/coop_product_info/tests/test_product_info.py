# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "coop_product_info")
class TestProductInfo(TransactionCase):
    """What a member reads before buying, on the demo's products: the
    producer fills it in, the coop's staff review it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bread = cls.env.ref("coop_producers.product_antan_1_demo")
        cls.gluten = cls.env.ref("product_allergen.allergen_gluten")
        cls.milk = cls.env.ref("product_allergen.allergen_milk")
        cls.baker = new_test_user(
            cls.env,
            login="boulanger",
            groups="coop_producers.group_coop_producer",
        )
        cls.baker.coop_producer_id = cls.bread.coop_producer_id
        cls.staff = new_test_user(
            cls.env, login="logistique", groups="coop_producers.group_coop_logistics"
        )

    def test_the_allergens_words_are_in_bold_and_the_rest_escaped(self):
        html = str(self.bread.with_context(lang="fr_FR")._coop_ingredients_html())
        self.assertIn("Farine de <strong>blé</strong> T80", html)
        self.assertIn("levain naturel (farine de <strong>seigle</strong>, eau)", html)
        self.assertNotIn("<strong>eau</strong>", html)
        self.bread.with_user(
            self.staff
        ).coop_ingredients = "<script>alert(1)</script> Orge, orgeat, LAIT"
        self.bread.allergen_ids = self.gluten | self.milk
        html = str(self.bread._coop_ingredients_html())
        self.assertNotIn("<script>", html)
        self.assertIn("&lt;script&gt;", html)
        # Whole words, any case: "orgeat" is not barley.
        self.assertIn("<strong>Orge</strong>, orgeat, <strong>LAIT</strong>", html)

    def test_a_producers_change_goes_back_to_review(self):
        self.assertEqual(self.bread.coop_info_state, "validated")
        bread = self.bread.with_user(self.baker)
        bread.coop_ingredients = "Farine de blé, eau, sel."
        self.assertEqual(self.bread.coop_info_state, "to_review")
        # She can't say it was checked: not with the button, not by RPC.
        with self.assertRaises(UserError):
            bread.action_coop_info_validate()
        with self.assertRaises(UserError):
            bread.write({"coop_info_state": "validated"})
        self.assertEqual(self.bread.coop_info_state, "to_review")
        # The staff check it; their own corrections keep it validated.
        self.bread.with_user(self.staff).action_coop_info_validate()
        self.assertEqual(self.bread.coop_info_state, "validated")
        self.bread.with_user(self.staff).coop_storage = "Au sec."
        self.assertEqual(self.bread.coop_info_state, "validated")
        # The variant's allergens (product_allergen's field) count too.
        self.bread.product_variant_id.with_user(self.baker).allergen_ids = [
            Command.link(self.milk.id)
        ]
        self.assertEqual(self.bread.coop_info_state, "to_review")
        # A product she creates with its information waits for review.
        new = (
            self.env["product.template"]
            .with_user(self.baker)
            .create(
                {
                    "name": "Pain de seigle",
                    "coop_producer_id": self.baker.coop_producer_id.id,
                    "coop_ingredients": "Farine de seigle, eau, sel.",
                }
            )
        )
        self.assertEqual(new.coop_info_state, "to_review")
        with self.assertRaises(UserError):
            self.env["product.template"].with_user(self.baker).create(
                {
                    "name": "Pain validé",
                    "coop_producer_id": self.baker.coop_producer_id.id,
                    "coop_info_state": "validated",
                }
            )

    def test_the_review_sees_an_allergen_named_but_not_ticked(self):
        cramique = self.env.ref("coop_producers.product_antan_7_demo")
        self.assertEqual(cramique.coop_info_state, "to_review")
        self.assertEqual(cramique.with_context(lang="fr_FR").coop_info_warning, "Lait")
        cramique.allergen_ids = cramique.allergen_ids | self.milk
        self.assertFalse(cramique.coop_info_warning)
        self.assertFalse(self.bread.coop_info_warning)

    def test_bad_quantities_are_refused(self):
        with self.assertRaises(UserError):
            self.bread.coop_net_quantity = -1
        with self.assertRaises(UserError):
            self.bread.coop_alcohol_strength = 120

    def test_the_shop_texts(self):
        beer = self.env.ref("coop_producers.product_lilloise_1_demo")
        self.assertEqual(beer._coop_net_quantity_text(), "33 cl")
        self.assertTrue(beer._coop_shows_alcohol())
        self.assertEqual(self.bread._coop_net_quantity_text(), "1 kg")
        self.assertFalse(self.bread._coop_shows_alcohol())
        self.assertEqual(
            self.bread.with_context(lang="fr_FR")._coop_origin_text(), "France"
        )


@tagged("post_install", "-at_install", "coop_product_info")
class TestProductInfoInTheShop(HttpCase):
    """The demo shop, in French: the product page and the basket show the
    allergens in bold; "Sans gluten" hides what has gluten or its traces."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bread = cls.env.ref("coop_producers.product_antan_1_demo")
        cls.juice = cls.env.ref("coop_producers.product_debuyser_4_demo")
        cls.gluten = cls.env.ref("product_allergen.allergen_gluten")
        cls.sesame = cls.env.ref("product_allergen.allergen_sesame")

    def _assert_product_page(self):
        page = self.url_open(self.bread.website_url).text
        self.assertIn("Informations produit", page)
        self.assertIn("Farine de <strong>blé</strong> T80", page)
        self.assertIn("Allergènes :", page)
        self.assertIn("<strong>Gluten</strong>", page)
        self.assertIn("Peut contenir des traces de :", page)
        self.assertIn("Sésame", page)
        self.assertIn("1 kg", page)
        self.assertIn("France", page)

    def test_a_visitor_and_a_member_read_the_allergens(self):
        self._assert_product_page()
        self.authenticate("membre", "membre")
        self._assert_product_page()
        self.url_open(
            "/shop/cart/update",
            data={
                "product_id": self.bread.product_variant_id.id,
                "add_qty": 1,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        cart = self.url_open("/shop/cart").text
        self.assertIn("o_coop_cart_allergens", cart)
        self.assertIn("<strong>Gluten</strong>", cart)
        self.assertIn("traces : <span>Sésame</span>", cart)

    def test_without_gluten_hides_gluten_and_its_traces(self):
        page = self.url_open("/shop?search=Pain de campagne").text
        self.assertIn(self.bread.with_context(lang="fr_FR").name, page)
        self.assertIn("Sans gluten", page)
        # Three products of the demo are validated without gluten.
        page = self.url_open(f"/shop?sans={self.gluten.id}").text
        self.assertNotIn(self.bread.with_context(lang="fr_FR").name, page)
        self.assertIn(self.juice.with_context(lang="fr_FR").name, page)
        # The bread has no sesame but may carry traces of it: hidden too.
        page = self.url_open(f"/shop?sans={self.sesame.id}").text
        self.assertNotIn(self.bread.with_context(lang="fr_FR").name, page)
        # Information not yet reviewed never says "without".
        self.juice.coop_info_state = "to_review"
        page = self.url_open(f"/shop?sans={self.gluten.id}").text
        self.assertNotIn(self.juice.with_context(lang="fr_FR").name, page)
        # Garbage is ignored.
        self.assertEqual(self.url_open("/shop?sans=abc").status_code, 200)


@tagged("post_install", "-at_install", "coop_product_info", "coop_tour")
class TestJourneyMemberReadsAllergens(HttpCase):
    """The member's journey on the demo data, on a phone: the shop's
    "Sans gluten" and the bread's information."""

    browser_size = "390x844"
    touch_enabled = True

    def test_member_filters_without_gluten_and_reads_the_bread(self):
        self.start_tour(
            "/shop", "coop_product_info_member_reads_allergens", login="membre"
        )
