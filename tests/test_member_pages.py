"""The member's pages on the demo, in French, as Amina (``membre``) reads
them on her phone: her order in each state it lives through (issue #32:
"a pay-at-pickup order is not a Devis headed Finaliser votre paiement; a
cancelled order does not say confirmée and devis annulé at once"), her
prepaid account's history adding up to its balance, and an online top-up
that is paid, not accepted as an offer.

It spans the shop (coop_marketplace), the prepaid account (coop_wallet) and
their bridge, hence its place among the repository's tests.
"""

import re

from odoo import Command, http
from odoo.tests import HttpCase
from odoo.tools import format_amount

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


def page_text(html):
    """The words a person reads: no tags, no scripts, spaces collapsed."""
    html = re.sub(r"(?s)<(script|style|template)\b.*?</\1>", " ", html)
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("&nbsp;", " ").replace("\u202f", " ").replace("\xa0", " ")
    text = re.sub(r"&#39;|&#x27;", "'", text)
    return re.sub(r"\s+", " ", text)


class TestMemberPages(HttpCase):
    # Repository-level test: Odoo's loader names these for addon tests only.
    test_module, test_class, test_sequence = "coop_repository", "TestMemberPages", 0
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.amina = cls.env.ref("coop_members.res_users_member_demo")
        cls.order = cls.env.ref("coop_marketplace.sale_order_amina_demo")
        cls.weighed = cls.env.ref("coop_marketplace.sale_order_weighing_1_demo")

    def _page(self, url):
        self.authenticate("membre", "membre")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertNotIn("/web/login", response.url, url)
        return page_text(response.text)

    def _order_page(self, order):
        return self._page(f"/my/orders/{order.id}")

    def _euros(self, amount):
        return format_amount(self.env, amount, self.order.currency_id).replace(
            "\xa0", " "
        )

    def assertNoOdooWording(self, text):
        for words in (
            "Devis",
            "devis",
            "Finaliser votre paiement",
            "Communication :",
            "bons de livraison",
            "Commande client",
            "Quotation",
        ):
            self.assertNotIn(words, text)

    def test_a_delivery_to_her_door_offers_her_home_first(self):
        """The checkout's addresses for the bikes: her own first, never the
        copies of pickup points Odoo keeps as her child contacts after each
        pickup order (her home was the fourth card)."""
        Partner = self.env["res.partner"]
        amina = self.amina.partner_id
        copies = Partner.search(
            [("parent_id", "=", amina.id), ("type", "=", "delivery")]
        )
        self.assertIn("Lille-Fives", " ".join(copies.mapped("name")))
        work = Partner.create(
            {
                "name": "Amina Benali (travail)",
                "parent_id": amina.id,
                "type": "delivery",
                "street": "3 rue Nationale",
                "zip": "59000",
                "city": "Lille",
            }
        )
        # As Odoo's checkout lists them: newest first, hers last.
        listed = Partner.search(
            [
                ("id", "child_of", amina.id),
                "|",
                ("type", "=", "delivery"),
                ("id", "=", amina.id),
            ],
            order="id desc",
        )
        self.assertNotEqual(listed[0], amina)
        offered = self.order._coop_delivery_addresses(listed)
        self.assertEqual(offered[0], amina)
        self.assertIn(work, offered)
        self.assertFalse(offered & copies)
        # A new basket goes to her, not to the last point Odoo copied (the
        # bikes then said "28 rue Pierre Legrand is a pickup point").
        work.unlink()
        self.assertEqual(amina.address_get(["delivery"])["delivery"], copies[:1].id)
        basket = self.env["sale.order"].create({"partner_id": amina.id})
        self.assertEqual(basket.partner_shipping_id, amina)

    def test_the_payment_page_says_why_the_price_changed(self):
        """Her monthly allowance is used up at the payment step: the basket
        goes to the reference price, and the page says so (it changed
        silently)."""
        partner = self.amina.partner_id
        tier = self.order._coop_tier()
        used = partner._coop_advantage_used().get(partner.id, 0.0)
        tier.sudo().monthly_cap = used + 0.01
        leeks = self.env.ref("coop_producers.product_marais_2_demo")
        self.authenticate("membre", "membre")
        self.url_open(
            "/shop/cart/update",
            data={
                "product_id": leeks.product_variant_id.id,
                "add_qty": 2,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        carrier = self.env["delivery.carrier"].search(
            [("delivery_type", "=", "coop_pickup")], limit=1
        )
        self.make_jsonrpc_request("/shop/set_delivery_method", {"dm_id": carrier.id})
        point = carrier._coop_pickup_points()[:1]
        self.make_jsonrpc_request(
            "/website_sale/set_pickup_location",
            {"pickup_location_data": f'{{"id": {point.id}}}'},
        )
        cart = self.env["sale.order"].search(
            [("partner_id", "=", partner.id), ("state", "=", "draft")],
            order="id desc",
            limit=1,
        )
        slot = cart.sudo()._coop_bookable_slots()[:1]
        self.url_open(
            "/shop/coop_slot",
            data={"slot_id": slot.id, "csrf_token": http.Request.csrf_token(self)},
        )
        response = self.url_open("/shop/confirm_order")
        self.assertTrue(response.url.endswith("/shop/payment"), response.url)
        cart.invalidate_recordset()
        self.assertTrue(cart.coop_cap_notice)
        text = page_text(response.text)
        self.assertIn("Votre plafond solidaire du mois est atteint", text)

    def test_an_order_to_pay_at_pickup_then_changed_then_cancelled(self):
        text = self._order_page(self.order)
        self.assertIn("Commandée", text)
        self.assertIn(
            f"À payer au retrait : {self._euros(self.order.amount_total)}.", text
        )
        self.assertIn("jusqu'à la clôture", text)
        self.assertIn("Mes commandes", text)
        self.assertNoOdooWording(text)

        carrots = self.order._coop_goods_lines()[:1]
        self.order._coop_member_edit({carrots: carrots.product_uom_qty + 1})
        text = self._order_page(self.order)
        self.assertIn("Modifiée le", text)
        self.assertIn(
            f"À payer au retrait : {self._euros(self.order.amount_total)}.", text
        )

        self.order._coop_member_cancel()
        text = self._order_page(self.order)
        self.assertIn("Annulée", text)
        self.assertIn("Rien à payer.", text)
        self.assertNotIn("confirmée", text)
        self.assertNoOdooWording(text)
        # Still in her orders, with its state.
        orders = self._page("/my/orders")
        self.assertIn(self.order.name, orders)
        self.assertIn("Annulée", orders)

    def test_an_order_paid_online(self):
        provider = self.env.ref("payment.payment_provider_demo")
        tx = self.env["payment.transaction"].create(
            {
                "provider_id": provider.id,
                "payment_method_id": provider.with_context(active_test=False)
                .payment_method_ids[:1]
                .id,
                "amount": self.order.amount_total,
                "currency_id": self.order.currency_id.id,
                "partner_id": self.order.partner_id.id,
                "reference": "COOP-PAGES-1",
                "sale_order_ids": [Command.set(self.order.ids)],
            }
        )
        tx._set_done()
        text = self._order_page(self.order)
        self.assertIn(
            f"Payée : {self._euros(self.order.amount_total)} (en ligne).", text
        )
        self.assertNotIn("À payer", text)
        self.assertNoOdooWording(text)

    def test_a_weighed_order_prepared_ready_then_handed_over(self):
        order = self.weighed
        # The demo's weighing cycle is closed, its goods not weighed yet.
        self.assertEqual(order.coop_cycle_id.state, "closed")
        text = self._order_page(order)
        self.assertIn("En préparation", text)
        self.assertIn("pesés avant le retrait", text)
        self.assertIn(
            f"À payer au retrait : environ {self._euros(order.amount_total)},"
            " selon la pesée.",
            text,
        )

        order._coop_set_real_weights(
            {line: 1.0 for line in order._coop_weighed_lines()}
        )
        text = self._order_page(order)
        self.assertIn("Prête à retirer", text)
        self.assertIn(f"À payer au retrait : {self._euros(order.amount_total)}.", text)

        order._coop_hand_over()
        text = self._order_page(order)
        self.assertIn("Remise", text)
        self.assertIn(f"Payée : {self._euros(order.amount_total)} (au retrait).", text)
        self.assertNoOdooWording(text)

    def test_the_prepaid_account_history_adds_up_to_the_balance(self):
        program = (
            self.env["loyalty.program"]
            .sudo()
            ._coop_wallet_program(self.amina.company_id)
        )
        card = program._coop_card_of(self.amina.partner_id)
        # Odoo writes an empty line for an order that neither paid with the
        # account nor credited it: not the member's business.
        self.env["loyalty.history"].sudo().create(
            {
                "card_id": card.id,
                "description": "Commande S99999",
                "issued": 0.0,
                "used": 0.0,
            }
        )
        earlier, lines = card._coop_statement(limit=1)
        self.assertEqual(len(lines), 1)
        self.assertAlmostEqual(
            earlier + sum(lines.mapped("issued")) - sum(lines.mapped("used")),
            card.points,
            places=2,
        )
        text = self._page("/my/wallet")
        self.assertNotIn("S99999", text)
        self.assertNotIn("+0,00", text)
        self.assertNotIn("e-wallet", text)
        self.assertIn("Payer avec mon porte-monnaie", text)
        self.assertIn(f"Solde {self._euros(card.points)}", text)

    def test_an_online_top_up_is_paid_not_accepted(self):
        program = (
            self.env["loyalty.program"]
            .sudo()
            ._coop_wallet_program(self.amina.company_id)
        )
        top_up = program.rule_ids.product_ids.sorted("lst_price")[:1]
        self.authenticate("membre", "membre")
        response = self.url_open(
            "/my/wallet/top_up",
            data={
                "product_id": top_up.id,
                "donation": 2,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.amina.partner_id.id)], order="id desc", limit=1
        )
        self.assertIn(f"/my/orders/{order.id}", response.url)
        text = page_text(response.text)
        self.assertIn(f"Recharge {order.name}", text)
        self.assertIn("Payer", text)
        self.assertEqual(order.partner_shipping_id, self.amina.partner_id)
        for words in ("Devis", "Date d'expiration", "Accepter", "OdooBot", "devis"):
            self.assertNotIn(words, text)


# Words of Odoo's English that a French member must never read (issue #32);
# matched as whole words in the page's visible text and its title.
ENGLISH = (
    "My Account",
    "Logout",
    "Sign in",
    "Payment",
    "Today at",
    "Quotation",
    "Sales Order",
    "Loyalty",
    "Manual",
    "eWallet",
    "e-wallet",
    "Your Orders",
    "Invoices",
    "Powered by",
    "Add to cart",
    "Checkout",
    "Search",
    "Contact us",
    "Home",
)


class TestMemberPagesInFrench(HttpCase):
    """Every page a member or a visitor meets on the demo reads in French."""

    test_module, test_class, test_sequence = (
        "coop_repository",
        "TestMemberPagesInFrench",
        0,
    )
    test_tags = frozenset({"post_install", "coop_repository"})

    def assertFrench(self, url, text):
        found = [
            match.group(0)
            for words in ENGLISH
            for match in re.finditer(rf".{{0,40}}\b{re.escape(words)}\b.{{0,40}}", text)
        ]
        self.assertFalse(found, f"{url} shows English: {found}")

    def _visible(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return page_text(response.text)

    def test_a_member_reads_french(self):
        order = self.env.ref("coop_marketplace.sale_order_amina_demo")
        self.authenticate("membre", "membre")
        for url in (
            "/",
            "/shop",
            "/my",
            "/my/orders",
            f"/my/orders/{order.id}",
            "/my/wallet",
            "/my/membership",
            "/my/standing",
            "/devenir-membre",
            "/terms",
        ):
            self.assertFrench(url, self._visible(url))

    def test_a_visitor_reads_french(self):
        for url in ("/", "/shop", "/devenir-membre", "/terms", "/web/login"):
            self.assertFrench(url, self._visible(url))


class TestMembershipAcrossCoops(HttpCase):
    """A member of Arras reading Lille's website: her membership is Arras's,
    named so, dated from her subscription, and she is told she is not a
    member here (issue #32: "Actif depuis le" with the day of the install)."""

    test_module, test_class, test_sequence = (
        "coop_repository",
        "TestMembershipAcrossCoops",
        0,
    )
    test_tags = frozenset({"post_install", "coop_repository"})

    def test_an_arras_member_on_lilles_site(self):
        arras = self.env.ref("coop_network.res_users_arras_member_demo")
        lille = self.env.ref("website.default_website").company_id
        self.assertNotEqual(arras.company_id, lille)
        self.authenticate("arras", "arras")
        response = self.url_open("/my/membership")
        self.assertEqual(response.status_code, 200)
        text = page_text(response.text)
        self.assertIn(f"Vous n'êtes pas membre de {lille.name}", text)
        self.assertIn(arras.company_id.name, text)
        subscribed = (
            self.env["coop.share.movement"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", arras.partner_id.id),
                    ("company_id", "=", arras.company_id.id),
                    ("state", "=", "confirmed"),
                ],
                order="date",
                limit=1,
            )
        )
        self.assertIn(f"depuis le {subscribed.date.strftime('%d/%m/%Y')}", text)
