"""What a newcomer meets on the demo database `make run` serves: the coop's
shop full of the open cycle's products, nothing of Odoo's generic demo, every
menu of our addons usable by the role the README gives it, a chronological
share register.

The test database is a copy of that demo (the template), and these tests use
only the records the demo ships: no set-up of their own.
"""

import pytz
from lxml import etree
from markupsafe import escape

from odoo.tests import HttpCase
from odoo.tools.safe_eval import safe_eval

OUR_ADDONS = (
    "coop_members",
    "coop_solidarity_price",
    "coop_producers",
    "coop_marketplace",
    "coop_wallet",
)

# Menus each demo login must reach (README: the demo logins), by xmlid.
ROLE_MENUS = {
    "gerante": [
        "coop_members.coop_members_menu_root",
        "coop_members.res_partner_menu_members",
        "coop_members.coop_share_movement_menu",
        "coop_members.coop_share_register_wizard_menu",
        "coop_members.coop_share_class_menu",
        "coop_solidarity_price.coop_solidarity_entry_menu",
        "coop_solidarity_price.coop_price_tier_menu",
        "coop_producers.coop_producers_menu_root",
        "coop_producers.coop_producers_partner_menu",
        "coop_producers.coop_pooling_menu",
        "coop_producers.coop_collection_round_menu",
        "coop_producers.coop_producer_statement_list_menu",
        "coop_marketplace.coop_marketplace_menu_root",
        "coop_marketplace.coop_pickup_day_menu",
        "coop_marketplace.coop_order_cycle_menu",
        "coop_marketplace.coop_pickup_point_menu",
        "point_of_sale.menu_point_root",
        "account.menu_finance",
    ],
    "producteur": [
        "coop_producers.coop_producer_space_menu_root",
        "coop_producers.coop_producer_space_products_menu",
        "coop_producers.coop_producer_space_stock_menu",
        "coop_producers.coop_producer_space_orders_menu",
        "coop_producers.coop_producer_space_rounds_menu",
        "coop_producers.coop_producer_space_statements_menu",
        "coop_producers.coop_producer_space_bills_menu",
    ],
}
# ...and must not reach.
ROLE_HIDDEN_MENUS = {
    "gerante": ["coop_solidarity_price.coop_tier_evidence_menu"],
    "producteur": [
        "coop_members.coop_members_menu_root",
        "coop_producers.coop_producers_menu_root",
        "coop_marketplace.coop_marketplace_menu_root",
    ],
}


class TestDemoInvariants(HttpCase):
    # Repository-level test: Odoo's loader names these for addon tests only.
    test_module, test_class, test_sequence = "coop_repository", "TestDemo", 0
    test_tags = frozenset({"post_install", "coop_repository"})

    def _user(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertTrue(user, f"demo login {login} exists")
        return user

    def _ours(self, records):
        """The records of ``records`` that our addons' data or demo created."""
        data = self.env["ir.model.data"].search(
            [("model", "=", records._name), ("res_id", "in", records.ids)]
        )
        return records.browse(
            data.filtered(lambda d: d.module in OUR_ADDONS).mapped("res_id")
        )

    # --- The shop -------------------------------------------------------

    def _open_cycle(self):
        """The Lille épicerie's open cycle (the network's marketplace has its
        own, on its own website: coop_network)."""
        return self.env["coop.order.cycle"].search(
            [
                ("state", "=", "open"),
                ("company_id", "=", self.env.ref("base.main_company").id),
            ]
        )

    def test_every_open_cycle_product_is_in_the_shop(self):
        cycle = self._open_cycle()
        self.assertEqual(len(cycle), 1, "the demo has one open cycle")
        # Members read the shop in French.
        products = cycle.line_ids.product_id.with_context(lang="fr_FR")
        self.assertGreater(len(products), 50)
        self.authenticate("membre", "membre")
        page = self.url_open("/shop?ppg=200").text
        missing = [p.name for p in products if str(escape(p.name)) not in page]
        self.assertFalse(missing, "open-cycle products missing from /shop")
        self.assertNotIn("Aucun produit défini", page)
        # The banner says when ordering closes and when pickup is.
        self.assertIn("o_coop_cycle_banner", page)
        self.assertIn(str(escape(cycle.name)), page)
        # Consumer prices are shown tax included (prix TTC), at the member's
        # tier price.
        website = self.env["website"].get_current_website()
        self.assertEqual(website.show_line_subtotals_tax_selection, "tax_included")
        member = self._user("membre").partner_id
        carrots = self.env.ref(
            "coop_producers.product_marais_1_demo"
        ).product_variant_id
        price = member.property_product_pricelist._get_product_price(carrots, 1.0)
        # The épicerie's taxes (each platform of the network has its own).
        taxes = carrots.taxes_id._filter_taxes_by_company(self.env.company)
        taxed = taxes.compute_all(price, product=carrots)["total_included"]
        self.assertGreater(taxed, price, "the demo's products bear VAT")
        product_page = self.url_open(carrots.website_url).text
        self.assertIn(f"{taxed:.2f}".replace(".", ","), product_page)
        # Goods sold by weight or volume show their price per kg or litre,
        # in the shop's grid: 2.5 kg of potatoes.
        potatoes = self.env.ref("coop_producers.product_marais_3_demo")
        self.assertEqual(
            (potatoes.base_unit_count, potatoes.base_unit_name), (2.5, "kg")
        )
        variant = potatoes.product_variant_id
        price = member.property_product_pricelist._get_product_price(variant, 1.0)
        per_kg = (
            variant.taxes_id._filter_taxes_by_company(self.env.company).compute_all(
                price, product=variant
            )["total_included"]
            / 2.5
        )
        name = str(escape(potatoes.with_context(lang="fr_FR").name))
        self.assertIn(name, page)
        card = page[page.index(name) :]
        card = card[card.index("o_coop_base_unit_price") :][:300]
        self.assertIn(f"{per_kg:.2f}".replace(".", ","), card)
        self.assertIn("/ kg", " ".join(card.split()))
        # Nobody picks a pricelist (a tier) in the shop: the selector stays
        # hidden (Odoo renders it with d-none when there is nothing to pick).
        tree = etree.fromstring(page.encode(), etree.HTMLParser())
        self.assertFalse(
            tree.xpath(
                "//*[contains(@class, 'o_pricelist_dropdown')"
                " and not(contains(@class, 'd-none'))]"
            ),
            "no pricelist selector in the shop",
        )

    def _shop_queries(self):
        counts = []
        for _ in range(3):  # the first request warms the caches
            before = self.cr.sql_log_count
            self.url_open("/shop")
            counts.append(self.cr.sql_log_count - before)
        return min(counts)

    def test_cycle_banner_costs_the_shop_no_query(self):
        banners = self.env.ref("coop_marketplace.products_cycle_banner") | self.env.ref(
            "coop_marketplace.product_cycle_banner"
        )
        for login in (None, "membre"):
            if login:
                self.authenticate(login, login)
            with self.subTest(login=login):
                with_banner = self._shop_queries()
                banners.active = False
                without = self._shop_queries()
                banners.active = True
                self.assertEqual(with_banner, without)

    def test_visitor_is_told_the_cycle_is_for_members(self):
        cycle = self._open_cycle()
        product = cycle.line_ids[:1].product_id
        page = self.url_open(product.website_url).text
        # The closing time in the coop's time zone, though visitors have none.
        closes = pytz.utc.localize(cycle.close_datetime).astimezone(
            pytz.timezone("Europe/Paris")
        )
        self.assertIn(closes.strftime("%H:%M"), page)
        self.assertIn("o_coop_members_only", page)
        self.assertIn("/web/login?redirect=", page)
        self.assertNotIn('id="add_to_cart"', page)
        self.authenticate("membre", "membre")
        page = self.url_open(product.website_url).text
        self.assertNotIn("o_coop_members_only", page)
        self.assertIn('id="add_to_cart"', page)

    def test_no_generic_demo_in_the_shop_or_at_the_till(self):
        Template = self.env["product.template"]
        sold = Template.search(
            ["|", ("is_published", "=", True), ("available_in_pos", "=", True)]
        )
        self.assertEqual(sold - self._ours(sold), Template, "only the coop's products")
        # One till per épicerie of the network (coop_network: Arras's).
        configs = self.env["pos.config"].search([])
        self.assertEqual(
            sorted(configs.mapped("name")), ["Caisse Arras", "Caisse épicerie"]
        )
        pos_categories = self.env["pos.category"].search([])
        self.assertEqual(
            pos_categories - self._ours(pos_categories), pos_categories.browse()
        )
        carriers = self.env["delivery.carrier"].search([("is_published", "=", True)])
        self.assertEqual(carriers - self._ours(carriers), carriers.browse())
        page = self.url_open("/shop").text
        for sample in (
            "YourLogo",
            "555-555-5556",
            "disruptive",
            "disruptifs",
            "30-day money-back",
            "Garantie satisfait ou remboursé",
            "yourcompany.example.com",
            "Nom de l'entreprise",
            "Nom de l&#39;entreprise",
            "Company name",
        ):
            self.assertNotIn(sample, page)
        copyright_line = page.split("o_footer_copyright_name")[1][:200]
        self.assertIn("Épicerie coopérative", copyright_line)
        website = self.env["website"].get_current_website()
        self.assertEqual(website.name, "Épicerie coopérative")
        self.assertIn("Lille", page)

    def test_membership_page_on_a_phone(self):
        self.authenticate("membre", "membre")
        page = self.url_open("/my/membership").text
        # Her own neutral tier label and allowance, never the tier's name.
        self.assertIn("Tarif B", page)
        self.assertIn("o_coop_tier_label", page)
        self.assertNotIn("Solidaire", page)
        # The history table scrolls inside its box, not the whole page.
        tree = etree.fromstring(page.encode(), etree.HTMLParser())
        self.assertTrue(
            tree.xpath(
                "//div[contains(@class, 'table-responsive')]"
                "/table[contains(@class, 'o_coop_movements')]"
            )
        )

    # --- Menus per role ---------------------------------------------------

    def _check_action_opens(self, user, action):
        """Load the action's list and form views as ``user`` and read the
        first records with every field they show (what the web client does):
        a field computed from a model the user can't read fails here."""
        Model = self.env[action.res_model].with_user(user)
        views = [
            (view_id, mode)
            for view_id, mode in action.views
            if mode in ("list", "form")
        ]
        if not views:
            return
        result = Model.get_views(views)
        domain = safe_eval(action.domain or "[]", {"uid": user.id, "context": {}})
        records = Model.search(domain, limit=3)
        for mode, view in result["views"].items():
            arch = etree.fromstring(view["arch"])
            names = {
                node.get("name")
                for node in arch.iter("field")
                if not any(
                    parent.tag in ("list", "kanban", "form") and parent is not arch
                    for parent in node.iterancestors()
                )
            }
            records.read(sorted(name for name in names if name in Model._fields))
            # One level of sub-lists (order lines, stops, receipts).
            for node in arch.iter("field"):
                field = Model._fields.get(node.get("name"))
                if field and field.type in ("one2many", "many2many") and len(node):
                    sub = [
                        child.get("name")
                        for child in node.iter("field")
                        if child is not node
                        and child.get("name") in self.env[field.comodel_name]._fields
                    ]
                    records[field.name].read(sub)
            self.assertTrue(mode)

    def test_each_role_reaches_its_menus(self):
        Menu = self.env["ir.ui.menu"]
        for login, xmlids in ROLE_MENUS.items():
            user = self._user(login)
            visible = Menu.with_user(user)._visible_menu_ids()
            for xmlid in xmlids:
                menu = self.env.ref(xmlid)
                with self.subTest(login=login, menu=xmlid):
                    self.assertIn(menu.id, visible)
                    if menu.action and menu.action._name == "ir.actions.act_window":
                        self._check_action_opens(user, menu.action)
            for xmlid in ROLE_HIDDEN_MENUS[login]:
                with self.subTest(login=login, hidden=xmlid):
                    self.assertNotIn(self.env.ref(xmlid).id, visible)

    def test_producers_land_on_their_space(self):
        for login in ("producteur", "productrice"):
            user = self._user(login)
            self.assertEqual(
                user.action_id.id,
                self.env.ref("coop_producers.product_template_action_producer").id,
            )
            farm = user.coop_producer_id
            self.assertTrue(farm)
            self.assertIn(farm.coop_farm_name or farm.name, user.name)

    # --- The share register ---------------------------------------------

    def test_demo_register_is_chronological(self):
        for company in self.env["res.company"].search([]):
            movements = self.env["coop.share.movement"].search(
                [("state", "=", "confirmed"), ("company_id", "=", company.id)],
                order="name",
            )
            dates = movements.mapped("date")
            self.assertEqual(
                dates, sorted(dates), f"numbers follow dates: {company.name}"
            )
            if company == self.env.ref("base.main_company"):
                self.assertGreater(len(movements), 30)

    # --- The history -----------------------------------------------------

    def test_demo_history_is_in_french(self):
        """The chatter and mails the demo wrote are French: no English mail
        to a member, no half-English "Product statement créé", no tier
        tracked under its English name."""
        Message = self.env["mail.message"]
        orders = self.env["sale.order"].search([("coop_cycle_id", "!=", False)])
        mails = Message.search(
            [("model", "=", "sale.order"), ("res_id", "in", orders.ids)]
        ).filtered(lambda m: "Bonjour" in (m.body or ""))
        self.assertTrue(mails, "the members' order mails")
        for model in (
            "sale.order",
            "purchase.order",
            "coop.producer.statement",
            "coop.share.movement",
            "stock.picking",
            "res.partner",
        ):
            bodies = Message.search([("model", "=", model)]).mapped("body")
            for english in ("Hello ", "Your order", " created", "has been updated"):
                with self.subTest(model=model, english=english):
                    self.assertFalse([b for b in bodies if b and english in b])
            with self.subTest(model=model, half_english="créé"):
                self.assertFalse(
                    [
                        b
                        for b in bodies
                        if b
                        and any(
                            f"{word} créé" in b
                            for word in ("Order", "statement", "Transfer", "Product")
                        )
                    ]
                )
        tracked = self.env["mail.tracking.value"].search([])
        self.assertFalse(
            [v for v in tracked.mapped("new_value_char") if v and "Solidarity" in v]
        )

    def test_demo_vat_rates_are_french(self):
        """Food at the reduced rate (5.5 %), alcohol and other goods at the
        normal rate (20 %)."""

        def rates(xmlid):
            # Each platform of the network taxes the shared products alike.
            taxes = self.env.ref(xmlid).taxes_id
            by_company = {
                company: sorted(
                    taxes.filtered(lambda t, c=company: t.company_id == c).mapped(
                        "amount"
                    )
                )
                for company in taxes.company_id
            }
            self.assertIn(self.env.ref("base.main_company"), by_company, xmlid)
            self.assertEqual(len(set(map(tuple, by_company.values()))), 1, xmlid)
            return by_company[self.env.ref("base.main_company")]

        for food in (
            "coop_members.product_pain_campagne_demo",
            "coop_producers.product_marais_1_demo",
            "coop_producers.product_debuyser_1_demo",
        ):
            self.assertEqual(rates(food), [5.5], food)
        for other in (
            "coop_members.product_biere_demo",
            "coop_producers.product_lilloise_1_demo",
        ):
            self.assertEqual(rates(other), [20.0], other)

    def test_each_demo_product_has_its_own_picture(self):
        """Issue #32: every vegetable showed the same carrot, every beer the
        same glass. Each product of the farms, and each basket, has a
        picture of its own."""
        templates = self.env["product.template"].search(
            [("coop_producer_id", "!=", False)]
        )
        for xmlid in (
            "product_pain_campagne_demo",
            "product_lentilles_vrac_demo",
            "product_oeufs_demo",
            "product_pommes_demo",
            "product_maroilles_demo",
            "product_biere_demo",
        ):
            templates |= self.env.ref(f"coop_members.{xmlid}").product_tmpl_id
        self.assertGreater(len(templates), 80)
        pictures = {}
        for template in templates:
            self.assertTrue(template.image_128, template.name)
            pictures.setdefault(template.image_1920, []).append(template.name)
        shared = [names for names in pictures.values() if len(names) > 1]
        self.assertFalse(shared, f"products sharing a picture: {shared}")

    def test_the_members_list_reads_number_state_shares_and_price(self):
        """Issue #32: the members list is no plain contact list. The manager
        reads each member's number, state, shares and the neutral label of
        her price (never her tier)."""
        manager = self.env.ref("coop_members.res_users_manager_demo")
        view = self.env.ref("coop_members.res_partner_view_list_members")
        Partner = (
            self.env["res.partner"].with_user(manager).with_context(lang=manager.lang)
        )
        arch = Partner.get_views([(view.id, "list")])["views"]["list"]["arch"]
        for field in (
            "coop_member_number",
            "coop_member_state",
            "coop_share_count",
            "coop_tier_label",
        ):
            self.assertIn(f'name="{field}"', arch)
        self.assertNotIn('name="coop_price_tier_id"', arch)
        amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        row = Partner.browse(amina.id).read(
            ["coop_member_number", "coop_member_state", "coop_tier_label"]
        )[0]
        self.assertEqual(row["coop_member_number"], "00033")
        self.assertEqual(row["coop_member_state"], "active")
        self.assertEqual(row["coop_tier_label"], "Tarif B")

    def test_the_collection_round_has_a_person_for_driver(self):
        """The demo's round was driven by "Administrator" (#32): the
        manager drives it, on the round and on its receipts' batch."""
        manager = self.env.ref("coop_members.res_users_manager_demo")
        round_ = self.env.ref("coop_producers.coop_collection_round_demo")
        self.assertEqual(round_.driver_id, manager)
        self.assertEqual(round_.batch_id.user_id, manager)
