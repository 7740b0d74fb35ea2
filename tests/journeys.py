"""The journey simulator (issue #31): random sequences of what people do,
through the entry points they use, on the demo data, with the money
checker and the privacy sweep after every step.

A Hypothesis state machine (``Journeys``): each rule is what a person does,
through the route or the RPC call her screen makes:

- members, on the Lille shop (``membre`` at Tarif B with 25 € on her
  account, Camille at Tarif A, Fatima at the supportive Tarif D): fill a
  basket (``/shop/cart/update``), check out at a pickup point or by bike
  (``/shop/set_delivery_method``, ``/website_sale/set_pickup_location``,
  ``/shop/coop_slot``), pay at pickup, online (the demo provider, or
  Mollie: she is on Mollie's page, whose notification comes later, maybe
  after the close or after she paid another way) or from
  the prepaid account (``/shop/claimreward``), change, cancel or move
  their order (``/my/orders/<id>/coop_edit``, ``coop_cancel``,
  ``coop_slot``), take a standing basket (``/my/standing/subscribe``), top
  their account up online (``/my/wallet/top_up``);
- the till's cashiers, Lille and Arras, sell (``pos.order.sync_from_ui``,
  as the till sends it), now and then with a price or a pricelist the
  till should not have sent;
- the pickup volunteer weighs and hands over (``_coop_set_real_weights``,
  ``action_coop_mark_collected``, as Pickup day calls them);
- the courier leaves the hub, delivers, finds nobody (``/my/rounds/...``);
- people join online (``/devenir-membre/envoyer``): a visitor or the Arras
  member applies to Lille and pays her shares online (``/invoice/transaction``,
  the demo provider) or at the épicerie (the staff register the payment);
  the manager approves or refuses (the application's buttons over RPC); the
  coop switches between automatic and board admission;
- the accountant sends the month's SEPA direct debits (members' share
  instalments) and the bank returns one now and then (a payment return);
- the farms deliver what a cycle's close ordered (weighed, a little off)
  and the manager issues their statements and bills (the statement's
  buttons' methods, as ``gerante``); or the farm sends her own Factur-X,
  which the manager uploads on the vendor bills and posts
  (``create_document_from_attachment``), and the statement leaves it out;
- the volunteers' shifts: the team leader (``caisse``, on the shifts
  tablet) marks a volunteer present or absent as her shift starts (the
  shift form's buttons); Amina, on "Mes créneaux", says she can't come,
  offers her place, takes a place offered or joins a shift short of
  volunteers (``/my/shifts/...``);
- time passes: the cycle's closing time, the close job, the refunds' job,
  the next cycle opening with its standing baskets' orders.

After every step: ``coop.money.checker`` (no broken money invariant) and
the privacy sweep (tests/privacy_sweep.py: no demo login reads beyond its
declared reach); at the end of each sequence, the sweep of every model for
the portal logins and their order lists. Each sequence starts from the demo
as built (a savepoint rolled back).
"""

import json
import os
import time
from datetime import timedelta

import privacy_sweep
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from odoo import Command, fields, http
from odoo.exceptions import UserError
from odoo.tests.common import JsonRpcException

from odoo.addons.coop_marketplace.tests.common import run_job
from odoo.addons.coop_members.tests import common as members_common
from odoo.addons.coop_payment_mollie.tests.mollie_api import MollieApi

MEMBERS = ["membre", "sim-a", "sim-d"]
# The products members order, by demo id: goods, goods sold by weight, a
# honey offered short (shortages at the close), an orchard's apples (its
# minimum, 40 € HT, is rarely reached).
PRODUCTS = [
    "coop_producers.product_marais_1_demo",
    "coop_producers.product_marais_2_demo",
    "coop_producers.product_marais_5_demo",
    "coop_producers.product_vanackere_1_demo",
    "coop_producers.product_weppes_2_demo",
    "coop_producers.product_debuyser_1_demo",
]
MEANS = ["at_pickup", "online", "account", "bike", "mollie"]
# A farm's own invoice, as her invoicing software writes it (CII, Factur-X
# EN 16931): coop_einvoice's fixture, made for any order.
FACTURX_INVOICE = """<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice
 xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
 xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
 xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>
<ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
</rsm:ExchangedDocumentContext>
<rsm:ExchangedDocument><ram:ID>{number}</ram:ID><ram:TypeCode>380</ram:TypeCode>
<ram:IssueDateTime><udt:DateTimeString format="102">{date}</udt:DateTimeString>
</ram:IssueDateTime></rsm:ExchangedDocument>
<rsm:SupplyChainTradeTransaction>{lines}
<ram:ApplicableHeaderTradeAgreement>
<ram:SellerTradeParty><ram:Name>{seller}</ram:Name></ram:SellerTradeParty>
<ram:BuyerTradeParty><ram:Name>Épicerie coopérative</ram:Name></ram:BuyerTradeParty>
<ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>{order}</ram:IssuerAssignedID>
</ram:BuyerOrderReferencedDocument></ram:ApplicableHeaderTradeAgreement>
<ram:ApplicableHeaderTradeDelivery/>
<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
</ram:ApplicableHeaderTradeSettlement>
</rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>"""
FACTURX_LINE = """
<ram:IncludedSupplyChainTradeLineItem>
<ram:AssociatedDocumentLineDocument><ram:LineID>{index}</ram:LineID>
</ram:AssociatedDocumentLineDocument>
<ram:SpecifiedTradeProduct><ram:Name>{name}</ram:Name></ram:SpecifiedTradeProduct>
<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice>
<ram:ChargeAmount>{price}</ram:ChargeAmount></ram:NetPriceProductTradePrice>
</ram:SpecifiedLineTradeAgreement>
<ram:SpecifiedLineTradeDelivery>
<ram:BilledQuantity unitCode="C62">{quantity}</ram:BilledQuantity>
</ram:SpecifiedLineTradeDelivery>
<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>
<ram:CategoryCode>{category}</ram:CategoryCode>
<ram:RateApplicablePercent>{rate}</ram:RateApplicablePercent></ram:ApplicableTradeTax>
<ram:SpecifiedTradeSettlementLineMonetarySummation>
<ram:LineTotalAmount>{total}</ram:LineTotalAmount>
</ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
</ram:IncludedSupplyChainTradeLineItem>"""
REFUSED = ("odoo.exceptions.UserError", "odoo.exceptions.ValidationError")


class Journeys(RuleBasedStateMachine):
    """The demo's people, acting in a random order (see the module)."""

    # The test running the machine (an HttpCase), set before each run, and
    # what the runs did: steps, and seconds spent checking.
    case = None
    steps = 0
    seconds = {"money": 0.0, "privacy": 0.0}

    def __init__(self):
        super().__init__()
        self.case = type(self).case
        self.env = self.case.env
        self.env.cr.execute("SAVEPOINT coop_journey")
        self.env.invalidate_all()
        self.logged_in = None
        self.actions = []
        # The price each shelf label printed during the run says.
        self.printed_labels = {}
        # What each member paid in titres-restaurant at Lille's till.
        self.meal_vouchers_today = {}
        # Mollie's side, and the payments whose page a member is on.
        self.mollie = MollieApi()
        self.on_mollies_page = []

    # === Helpers === #

    def teardown(self):
        if os.environ.get("COOP_JOURNEY_VERBOSE"):
            print("\n  ".join(["sequence:", *self.actions]))
        try:
            if self.env.cr.closed:
                return
            self.env.invalidate_all()
            # Every login with the messages, every model for the portal's.
            problems = privacy_sweep.privacy_problems(self.env)
            problems += privacy_sweep.privacy_problems(
                self.env, logins=privacy_sweep.PORTAL_LOGINS, every_model=True
            )
            problems += self.portal_lists_only_own_orders()
            assert not problems, self.report(problems)
        finally:
            self.env.cr.execute("ROLLBACK TO SAVEPOINT coop_journey")
            self.env.invalidate_all()
            self.env.registry.clear_cache()

    def report(self, problems):
        return "\n".join(["after:", *self.actions, "broken:", *problems])

    def note(self, text):
        type(self).steps += 1
        self.actions.append(text)

    def login(self, login):
        if self.logged_in != login:
            self.case.authenticate(login, login)
            self.logged_in = login

    def post(self, url, **data):
        response = self.case.url_open(
            url, data={**data, "csrf_token": http.Request.csrf_token(self.case)}
        )
        assert response.status_code < 500, f"{url}: {response.status_code}"
        return response

    def jsonrpc(self, url, params=None):
        """A JSON-RPC call of the web pages; a refusal of the application
        (a UserError) is an answer, any other error fails the journey."""
        try:
            return self.case.make_jsonrpc_request(url, params or {})
        except JsonRpcException as error:
            if not str(error).startswith(REFUSED):
                raise
            return None

    def user(self, login):
        return self.env["res.users"].search([("login", "=", login)])

    def open_cycle(self):
        return self.env["coop.order.cycle"].search(
            [
                ("state", "=", "open"),
                ("company_id", "=", self.env.ref("base.main_company").id),
            ],
            order="close_datetime",
            limit=1,
        )

    def orders_of(self, login, domain=()):
        partner = self.user(login).partner_id
        return self.env["sale.order"].search(
            [("partner_id", "=", partner.id), ("coop_cycle_id", "!=", False), *domain]
        )

    def till_pricelist(self, config, partner, tampered=False):
        """The pricelist the till sends for ``partner``: her tier's, else
        the reference tier's; another tier's when ``tampered``. Returns it
        with the company's tiers."""
        tiers = self.env["coop.price.tier"].search(
            [("company_id", "=", config.company_id.id)]
        )
        if partner and partner.coop_price_tier_id in tiers:
            pricelist = partner.coop_price_tier_id.pricelist_id
        else:
            pricelist = tiers.filtered("is_reference").pricelist_id
        if tampered:
            # Another tier's pricelist, or a price typed at the till.
            pricelist = tiers.sorted("id")[:1].pricelist_id or pricelist
        return pricelist, tiers

    def open_till(self, till):
        """The members' till of the cashier ``till`` (a login), its session
        opened: (cashier, config, session)."""
        cashier = self.user(till)
        config = self.env["pos.config"].search(
            [
                ("company_id", "=", cashier.company_id.id),
                ("coop_member_till", "=", True),
            ],
            limit=1,
        )
        if not config.current_session_id:
            config.with_user(cashier).open_ui()
        return cashier, config, config.current_session_id

    def portal_lists_only_own_orders(self):
        problems = []
        for login in privacy_sweep.PORTAL_LOGINS:
            user = self.user(login)
            self.login(login)
            page = self.case.url_open("/my/orders").text
            own = self.env["res.partner"].search(
                [("id", "child_of", user.commercial_partner_id.id)]
            )
            others = self.env["sale.order"].search(
                [("partner_id", "not in", own.ids), ("state", "in", ("sale", "cancel"))]
            )
            seen = [order.name for order in others if f">{order.name}<" in page]
            if seen:
                problems.append(f"{login}'s orders page lists {', '.join(seen)}")
        return problems

    # === Invariants, after every step === #

    @invariant()
    def money_holds(self):
        start = time.monotonic()
        problems = self.env["coop.money.checker"]._problems()
        type(self).seconds["money"] += time.monotonic() - start
        assert not problems, self.report(
            [f"{p['invariant']}: {p['message']} [{p['records']}]" for p in problems]
        )

    @invariant()
    def privacy_holds(self):
        start = time.monotonic()
        # The models the roles' reach is declared for; the messages and
        # every other model at the end of the sequence (teardown).
        problems = privacy_sweep.privacy_problems(self.env, messages=False)
        type(self).seconds["privacy"] += time.monotonic() - start
        assert not problems, self.report(problems)

    @invariant()
    def shelf_labels_tell_the_price(self):
        """A label printed during the run still says the shelf price, or it
        waits in the queue to be printed again (coop_shelf_label)."""
        if not self.printed_labels:
            return
        self.env.invalidate_all()
        products = self.env["product.product"].browse(list(self.printed_labels))
        stale = [
            f"{p.display_name}: label {self.printed_labels[p.id]}, shelf"
            f" {p.coop_shelf_price}, not queued"
            for p in products
            if p.currency_id.compare_amounts(
                p.coop_shelf_price, self.printed_labels[p.id]
            )
            and not p.to_print
        ]
        assert not stale, self.report(stale)

    # === Members on the shop === #

    @initialize()
    def start(self):
        # The farm's honey runs short this cycle: 3 jars for everyone.
        cycle = self.open_cycle()
        honey = self.env.ref("coop_producers.product_weppes_2_demo").product_variant_id
        cycle.line_ids.filtered(lambda line: line.product_id == honey).offered_qty = 3
        self.note("the demo as built; 3 jars of lime blossom honey on offer")

    @rule(
        login=st.sampled_from(MEMBERS),
        xmlid=st.sampled_from(PRODUCTS),
        quantity=st.integers(1, 3),
    )
    def add_to_basket(self, login, xmlid, quantity):
        product = self.env.ref(xmlid).product_variant_id
        self.login(login)
        self.post("/shop/cart/update", product_id=product.id, add_qty=quantity)
        self.note(f"{login} puts {quantity} × {product.name} in her basket")

    @rule(
        login=st.sampled_from(MEMBERS),
        basket=st.lists(
            st.tuples(st.sampled_from(PRODUCTS), st.integers(1, 3)),
            min_size=1,
            max_size=3,
        ),
        means=st.sampled_from(MEANS),
        data=st.data(),
    )
    def place_an_order(self, login, basket, means, data):
        """Fill a basket and check out (what most visits to the shop do)."""
        for xmlid, quantity in basket:
            self.add_to_basket(login, xmlid, quantity)
        self.check_out(login, means, data)

    @rule(login=st.sampled_from(MEMBERS), means=st.sampled_from(MEANS), data=st.data())
    def check_out(self, login, means, data):
        """Check out the basket left in the shop."""
        cart = self.orders_of(login, [("state", "=", "draft")]).filtered(
            lambda order: order.website_id and order.coop_cycle_id._takes_orders()
        )[:1]
        if not cart.order_line:
            return
        self.login(login)
        bike = means == "bike"
        carrier = self.env["delivery.carrier"].search(
            [("delivery_type", "=", "coop_bike" if bike else "coop_pickup")], limit=1
        )
        if self.jsonrpc("/shop/set_delivery_method", {"dm_id": carrier.id}) is None:
            return
        if not bike:
            points = carrier._coop_pickup_points()
            point = data.draw(st.sampled_from(points.sorted("id")))
            location = json.dumps({"id": point.id})
            self.jsonrpc(
                "/website_sale/set_pickup_location",
                {"pickup_location_data": location},
            )
        cart.invalidate_recordset()
        slots = cart.sudo()._coop_bookable_slots()
        if not slots:
            return
        slot = data.draw(st.sampled_from(slots.sorted("id")))
        self.post("/shop/coop_slot", slot_id=slot.id, coop_delivery_notes="Code 12")
        if means == "account":
            reward = self.env.ref("coop_wallet.coop_wallet_reward")
            self.post("/shop/claimreward", reward_id=reward.id)
        cart.invalidate_recordset()
        if cart.currency_id.is_zero(cart.amount_total):
            self.case.url_open("/shop/payment/validate")
        elif means == "mollie":
            self.leave_for_mollie(cart)
        else:
            self.pay(cart, at_pickup=means == "at_pickup")
        self.note(f"{login} checks out ({means}) {cart.name}, {slot.display_name}")

    def leave_for_mollie(self, order):
        """Pay ``order`` with Mollie as the shop's payment form does: Odoo
        creates the payment at Mollie and the member is on Mollie's page.
        Mollie's notification comes later (``mollie_notifies``)."""
        mollie = self.env.ref("payment.payment_provider_mollie")
        if mollie.state == "disabled":
            # A database without coop_payment_mollie (an upgraded one):
            # the coop pays online with the demo provider.
            self.pay(order, at_pickup=False)
            return
        with self.mollie.patched():
            processing = self.jsonrpc(
                f"/shop/payment/transaction/{order.id}",
                {
                    "provider_id": mollie.id,
                    "payment_method_id": self.env.ref("payment.payment_method_card").id,
                    "token_id": None,
                    "amount": order.amount_total,
                    "flow": "redirect",
                    "tokenization_requested": False,
                    "landing_route": "/shop/payment/validate",
                    "is_validation": False,
                    "access_token": order.sudo()._portal_ensure_token(),
                },
            )
        if processing is not None:
            self.on_mollies_page.append(processing["reference"])

    @precondition(lambda self: self.on_mollies_page)
    @rule(
        data=st.data(),
        status=st.sampled_from(["paid", "paid", "failed", "expired", "canceled"]),
    )
    def mollie_notifies(self, data, status):
        """Mollie's notification of a payment a member left for (paid, or
        not), however late: then the payments' job post-processes it."""
        reference = data.draw(st.sampled_from(self.on_mollies_page))
        self.on_mollies_page.remove(reference)
        # sudo: Mollie's notification and the payments' job run as the
        # system.
        tx = (
            self.env["payment.transaction"]
            .sudo()
            .search([("reference", "=", reference)])
        )
        self.mollie.notify(self.case.base_url(), tx, status)
        if not tx.is_post_processed:
            tx._post_process()
        self.note(f"Mollie notifies {reference}: {status}")

    def pay(self, order, at_pickup, route=None):
        """Pay ``order`` as its page's payment form does (``route``: its
        transaction route, the shop's by default): at pickup, or online with
        the demo provider; then the payment status page's polling, which
        post-processes the payment (the order confirmed)."""
        provider = self.env["payment.provider"].search(
            [
                ("code", "=", "custom" if at_pickup else "demo"),
                ("company_id", "=", order.company_id.id),
                ("state", "!=", "disabled"),
            ],
            limit=1,
        )
        processing = self.jsonrpc(
            route or f"/shop/payment/transaction/{order.id}",
            {
                "provider_id": provider.id,
                "payment_method_id": provider.with_context(active_test=False)
                .payment_method_ids[:1]
                .id,
                "token_id": None,
                "amount": order.amount_total,
                "flow": "redirect" if at_pickup else "direct",
                "tokenization_requested": False,
                "landing_route": order.get_portal_url()
                if route
                else "/shop/payment/validate",
                "is_validation": False,
                "access_token": order.sudo()._portal_ensure_token(),
            },
        )
        if processing is None:
            return
        if at_pickup:
            tx = self.env["payment.transaction"].search(
                [("reference", "=", processing["reference"])]
            )
            tx.sudo()._set_pending()
        else:
            self.jsonrpc(
                "/payment/demo/simulate_payment",
                {
                    "reference": processing["reference"],
                    "payment_details": "4242",
                    "simulated_state": "done",
                },
            )
        self.jsonrpc("/payment/status/poll")

    def confirmed_orders(self, login):
        return self.orders_of(login, [("state", "=", "sale")]).filtered(
            lambda order: order.coop_cycle_id._takes_orders()
        )

    @rule(login=st.sampled_from(MEMBERS), quantity=st.integers(0, 3), data=st.data())
    def change_order(self, login, quantity, data):
        orders = self.confirmed_orders(login)
        if not orders:
            return
        order = data.draw(st.sampled_from(orders.sorted("id")))
        lines = order._coop_goods_lines()
        line = data.draw(st.sampled_from(lines.sorted("id")))
        self.login(login)
        self.post(f"/my/orders/{order.id}/coop_edit", **{f"qty_{line.id}": quantity})
        self.note(f"{login} sets {line.product_id.name} to {quantity} on {order.name}")

    @rule(login=st.sampled_from(MEMBERS), data=st.data())
    def cancel_order(self, login, data):
        orders = self.confirmed_orders(login)
        if not orders:
            return
        order = data.draw(st.sampled_from(orders.sorted("id")))
        self.login(login)
        self.post(f"/my/orders/{order.id}/coop_cancel")
        self.note(f"{login} cancels {order.name}")

    @rule(login=st.sampled_from(MEMBERS), data=st.data())
    def move_order(self, login, data):
        orders = self.confirmed_orders(login).filtered("coop_point_id")
        if not orders:
            return
        order = data.draw(st.sampled_from(orders.sorted("id")))
        slots = order.sudo()._coop_bookable_slots(all_points=True)
        if not slots:
            return
        slot = data.draw(st.sampled_from(slots.sorted("id")))
        self.login(login)
        self.post(f"/my/orders/{order.id}/coop_slot", slot_id=slot.id)
        self.note(f"{login} moves {order.name} to {slot.display_name}")

    @rule(login=st.sampled_from(["membre", "arras"]), data=st.data())
    def take_a_standing_basket(self, login, data):
        basket = self.env.ref("coop_marketplace.product_basket_debuyser_demo")
        point = self.env.ref("coop_marketplace.coop_pickup_point_fives_demo")
        template = data.draw(st.sampled_from(point.slot_template_ids.sorted("id")))
        self.login(login)
        self.post(
            "/my/standing/subscribe",
            product_id=basket.product_variant_id.id,
            slot_template_id=template.id,
        )
        self.note(f"{login} takes the orchard's basket, {template.display_name}")

    @rule(login=st.sampled_from(["membre", "sim-a"]), amount=st.sampled_from([10, 20]))
    def top_up_online(self, login, amount):
        product = self.env.ref(f"coop_wallet.product_wallet_top_up_{amount}")
        self.login(login)
        self.post("/my/wallet/top_up", product_id=product.id, donation=1)
        order = self.env["sale.order"].search(
            [
                ("partner_id", "=", self.user(login).partner_id.id),
                ("state", "=", "draft"),
                ("order_line.product_id", "=", product.id),
            ],
            order="id desc",
            limit=1,
        )
        if not order:
            return
        self.pay(order, at_pickup=False, route=f"/my/orders/{order.id}/transaction")
        self.note(f"{login} tops her account up online: {amount} € and 1 € to the fund")

    # === The tills === #

    @rule(
        till=st.sampled_from(["caisse", "caisse-arras"]),
        customer=st.sampled_from(["membre", "sim-a", "sim-d", "arras", None]),
        tampered=st.booleans(),
        quantity=st.integers(1, 3),
    )
    def sell_at_the_till(self, till, customer, tampered, quantity):
        cashier, config, session = self.open_till(till)
        partner = self.user(customer).partner_id if customer else False
        bread = self.env.ref("coop_members.product_pain_campagne_demo")
        pricelist, tiers = self.till_pricelist(config, partner, tampered)
        price = pricelist._get_product_price(bread, quantity) if pricelist else 4.2
        if tampered and not tiers:
            price = 1.0
        cash = config.payment_method_ids.filtered("is_cash_count")[:1]
        data = members_common.pos_order_data(
            session,
            cash,
            [(bread, quantity, price)],
            partner,
            pricelist,
            user=cashier,
            taxed=True,
        )
        self.env["pos.order"].with_user(cashier).sync_from_ui([data])
        self.note(
            f"{till} sells {quantity} bread to {customer or 'a passer-by'}"
            f"{' at a price it should not send' if tampered else ''}"
        )

    @precondition(
        lambda self: "coop_meal_voucher" in self.env["pos.payment.method"]._fields
    )
    @rule(
        customer=st.sampled_from(["membre", "sim-a", None]),
        quantity=st.integers(1, 4),
        over_the_food=st.booleans(),
    )
    def pay_with_meal_vouchers_at_the_till(self, customer, quantity, over_the_food):
        """Lille's till sells bread and a beer, part paid in titres-restaurant
        (the bread's price, or a euro more); the server accepts what the
        rules allow (food only, 25 € a day per person) and refuses the rest,
        as the simulator counts them."""
        cashier, config, session = self.open_till("caisse")
        vouchers = config.payment_method_ids.filtered("coop_meal_voucher")
        cash = config.payment_method_ids.filtered("is_cash_count")[:1]
        partner = self.user(customer).partner_id if customer else False
        bread = self.env.ref("coop_members.product_pain_campagne_demo")
        beer = self.env.ref("coop_members.product_biere_demo")
        pricelist, __ = self.till_pricelist(config, partner)
        data = members_common.pos_order_data(
            session,
            cash,
            [
                (bread, quantity, pricelist._get_product_price(bread, quantity)),
                (beer, 1, pricelist._get_product_price(beer, 1)),
            ],
            partner,
            pricelist,
            user=cashier,
            taxed=True,
        )
        food = data["lines"][0][2]["price_subtotal_incl"]
        amount = round(food + (1.0 if over_the_food else 0.0), 2)
        data["payment_ids"] = [
            Command.create(
                {"amount": amount, "name": "TR", "payment_method_id": vouchers.id}
            ),
            Command.create(
                {
                    "amount": round(data["amount_total"] - amount, 2),
                    "name": "cash",
                    "payment_method_id": cash.id,
                }
            ),
        ]
        spent = self.meal_vouchers_today.get(customer, 0.0) if customer else 0.0
        allowed = not over_the_food and spent + amount <= 25.0 + 0.001
        try:
            with self.env.cr.savepoint():
                self.env["pos.order"].with_user(cashier).sync_from_ui([data])
            accepted = True
        except UserError:
            accepted = False
        assert accepted == allowed, (
            f"{amount} € of titres-restaurant ({spent} € already today):"
            f" accepted {accepted}"
        )
        if accepted and customer:
            self.meal_vouchers_today[customer] = spent + amount
        self.note(
            f"caisse: {quantity} bread and a beer for {customer or 'a passer-by'},"
            f" {amount} € in titres-restaurant: {'taken' if accepted else 'refused'}"
        )

    # === Pickup day, the courier === #

    def to_hand_over(self):
        return (
            self.env["sale.order"]
            .search(
                [
                    ("coop_cycle_id.state", "in", ("closed", "done")),
                    ("state", "=", "sale"),
                    ("coop_slot_id", "!=", False),
                ]
            )
            .filtered(lambda order: not order.coop_collected)
        )

    @rule(data=st.data())
    def weigh(self, data):
        orders = self.to_hand_over().filtered("coop_to_weigh")
        if not orders:
            return
        order = data.draw(st.sampled_from(orders.sorted("id")))
        weights = {
            line: round(
                line.coop_estimated_weight * data.draw(st.sampled_from([0.8, 1, 1.15])),
                3,
            )
            for line in order._coop_weighed_lines()
        }
        order.with_user(self.user("caisse"))._coop_set_real_weights(weights)
        self.note(f"caisse weighs {order.name}")

    @rule(data=st.data())
    def hand_over(self, data):
        orders = self.to_hand_over().filtered(
            lambda order: (
                not order.coop_to_weigh
                and order.coop_delivery_state not in ("planned", "out")
            )
        )
        if not orders:
            return
        order = data.draw(st.sampled_from(orders.sorted("id")))
        order.with_user(self.user("caisse")).action_coop_mark_collected()
        self.note(f"caisse hands {order.name} over")

    @rule(action=st.sampled_from(["depart", "delivered", "missed"]), data=st.data())
    def ride(self, action, data):
        courier = self.user("coursier")
        rounds = (
            self.env["stock.picking.batch"]
            .search([("coop_is_round", "=", True), ("user_id", "=", courier.id)])
            .filtered(lambda batch: batch.coop_round_state != "done")
        )
        if not rounds:
            return
        batch = data.draw(st.sampled_from(rounds.sorted("id")))
        self.login("coursier")
        if action == "depart":
            self.post(f"/my/rounds/{batch.id}/depart")
        else:
            stop = data.draw(st.sampled_from(batch.coop_stop_ids.sorted("id")))
            self.post(
                f"/my/rounds/{batch.id}/stop/{stop.id}/{action}",
                reason="Personne à la maison",
            )
        self.note(f"coursier: {action} on {batch.name}")

    # === The farms === #

    def farm_orders_to_receive(self):
        """Lille's orders to the farms made by a cycle's close, not yet
        received in full."""
        return (
            self.env["purchase.order"]
            .search(
                [
                    ("company_id", "=", self.env.ref("base.main_company").id),
                    ("coop_pooling_id", "!=", False),
                    ("state", "in", ("draft", "sent", "purchase")),
                ]
            )
            .filtered(
                lambda order: (
                    order.state != "purchase"
                    or order.picking_ids.filtered(
                        lambda picking: picking.state not in ("done", "cancel")
                    )
                )
            )
        )

    @precondition(lambda self: self.farm_orders_to_receive())
    @rule(data=st.data())
    def a_farm_delivers_and_is_paid(self, data):
        """A farm delivers its order (weighed: a little less or more than
        ordered); the manager issues the farm's statement of the day: its
        bill pays what it states, VAT as the farm's regime says."""
        order = data.draw(st.sampled_from(self.farm_orders_to_receive().sorted("id")))
        manager = self.user("gerante")
        if order.state != "purchase":
            order.with_user(manager).button_confirm()
        picking = order.picking_ids.filtered(
            lambda picking: picking.state not in ("done", "cancel")
        )
        factor = data.draw(st.sampled_from([0.93, 1, 1.07]))
        for move in picking.move_ids:
            move.quantity = round(move.product_uom_qty * factor, 2)
            move.picked = True
        picking.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=picking.ids
        )._action_done()
        today = fields.Date.context_today(manager)
        if data.draw(st.booleans()):
            # She invoices the coop herself: her Factur-X, uploaded on the
            # vendor bills, becomes her bill on the order; the statement of
            # the day must leave these receipts out (paid once).
            bill = self.farm_sends_her_facturx(order, manager)
            self.note(
                f"{order.partner_id.name} delivers {order.name} (x{factor}),"
                f" sends her Factur-X, gerante posts {bill.name or 'nothing'}"
            )
        statements = (
            self.env["coop.producer.statement"]
            .with_user(manager)
            ._generate(today, today, order.partner_id)
        )
        statements.action_confirm()
        self.note(
            f"{order.partner_id.name} delivers {order.name} (x{factor}),"
            f" gerante issues {', '.join(statements.mapped('name')) or 'nothing'}"
        )

    def farm_sends_her_facturx(self, order, manager):
        """The farm's invoice for what was received and she has not billed
        yet (a second delivery of the same order bills that delivery), as
        CII XML (Factur-X, EN 16931), uploaded by the manager as the vendor
        bills' "Téléverser" button does, then posted."""
        to_bill = [
            (line, round(line.qty_received - line.qty_invoiced, 2))
            for line in order.order_line
        ]
        to_bill = [(line, quantity) for line, quantity in to_bill if quantity > 0]
        if not to_bill:
            return self.env["account.move"]
        lines = "".join(
            FACTURX_LINE.format(
                index=index,
                name=line.product_id.name,
                price=f"{line.price_unit:.2f}",
                quantity=f"{quantity:.2f}",
                total=f"{line.price_unit * quantity:.2f}",
                rate=line.taxes_id[:1].amount or 0,
                category="S" if line.taxes_id else "E",
            )
            for index, (line, quantity) in enumerate(to_bill, start=1)
        )
        xml = FACTURX_INVOICE.format(
            number=f"{order.partner_id.id}-{order.name}",
            date=fields.Date.context_today(manager).strftime("%Y%m%d"),
            seller=order.partner_id.name,
            lines=lines,
            order=order.name,
        )
        attachment = (
            self.env["ir.attachment"]
            .with_user(manager)
            .create({"name": f"{order.name}.xml", "raw": xml.encode()})
        )
        journal = self.env["account.journal"].search(
            [("type", "=", "purchase"), ("company_id", "=", order.company_id.id)],
            limit=1,
        )
        action = journal.with_user(manager).create_document_from_attachment(
            attachment.ids
        )
        bill = self.env["account.move"].with_user(manager).browse(action["res_id"])
        assert bill.partner_id == order.partner_id, bill.partner_id.name
        assert bill.invoice_line_ids.purchase_line_id, "matched to the order"
        bill.action_post()
        return bill

    # === Volunteer shifts === #

    @precondition(lambda self: "coop.shift" in self.env)
    @rule(data=st.data())
    def a_shift_starts_and_the_team_leader_records_it(self, data):
        """A shift of the coming weeks starts (its time moved to now); the
        team leader (``caisse``) marks one expected volunteer present or
        absent, as the shift form's buttons do."""
        registrations = self.env["coop.shift.registration"].search(
            [("state", "=", "open"), ("shift_start", ">", fields.Datetime.now())],
            order="shift_start, id",
            limit=5,
        )
        if not registrations:
            return
        registration = data.draw(st.sampled_from(registrations))
        now = fields.Datetime.now()
        registration.shift_id.write(
            {"start": now - timedelta(minutes=5), "stop": now + timedelta(hours=3)}
        )
        present = data.draw(st.booleans())
        leader = registration.with_user(self.user("caisse"))
        (leader.action_attended if present else leader.action_absent)()
        self.note(
            f"caisse marks {registration.partner_id.name}"
            f" {'present' if present else 'absent'}"
            f" ({registration.participation_id.state})"
        )

    @precondition(lambda self: "coop.shift" in self.env)
    @rule(action=st.sampled_from(["absent", "swap", "take", "join"]))
    def membre_on_her_shifts_page(self, action):
        """Amina (``membre``), on her phone: she can't come to her next
        shift, offers it, takes a place offered, or joins a shift short of
        volunteers."""
        partner = self.user("membre").partner_id
        participation = self.env["coop.shift.participation"].search(
            [("partner_id", "=", partner.id)]
        )
        if not participation:
            return
        now = fields.Datetime.now()
        if action in ("absent", "swap"):
            target = participation.registration_ids.filtered(
                lambda r: r.state == "open" and r.shift_start > now
            ).sorted("shift_start")[:1]
            url = f"/my/shifts/{target.id}/{action}"
        elif action == "take":
            target = self.env["coop.shift.registration"].search(
                [
                    ("swap_offered", "=", True),
                    ("state", "=", "open"),
                    ("shift_start", ">", now),
                    ("participation_id", "!=", participation.id),
                    ("company_id", "=", participation.company_id.id),
                ],
                limit=1,
            )
            url = f"/my/shifts/{target.id}/take"
        else:
            target = self.env["coop.shift"].search(
                [
                    ("company_id", "=", participation.company_id.id),
                    ("state", "=", "open"),
                    ("coverage", "=", "short"),
                    ("start", ">", now),
                    ("start", "<", now + timedelta(weeks=4)),
                    ("id", "not in", participation.registration_ids.shift_id.ids),
                ],
                limit=1,
            )
            url = f"/my/shifts/join/{target.id}"
        if not target:
            return
        self.login("membre")
        self.post(url)
        self.note(f"membre: {action} on her shifts page ({participation.state})")

    # === Members paying by SEPA direct debit === #

    @precondition(
        lambda self: hasattr(
            self.env.get("coop.standing.order"), "_action_member_pay_by_direct_debit"
        )
    )
    # Direct debit first: the simplest draw is the case worth exploring.
    @rule(by_direct_debit=st.sampled_from([True, False]))
    def membre_pays_her_basket_by_direct_debit(self, by_direct_debit):
        """Amina (``membre``) pays her standing basket monthly by direct
        debit, on her baskets' page, once the members office (``gerante``)
        has recorded her signed mandate; or at pickup again."""
        partner = self.user("membre").partner_id
        standing = self.env["coop.standing.order"].search(
            [("partner_id", "=", partner.id), ("state", "in", ("active", "paused"))],
            order="id",
            limit=1,
        )
        if not standing:
            return
        Mandate = self.env["account.banking.mandate"]
        if by_direct_debit and not Mandate.search(
            [("partner_id", "=", partner.id), ("state", "=", "valid")]
        ):
            office = self.user("gerante")
            bank = (
                self.env["res.partner.bank"]
                .with_user(office)
                .create(
                    {
                        "acc_number": "FR7630004000031234567890143",
                        "partner_id": partner.id,
                    }
                )
            )
            Mandate.with_user(office).create(
                {"partner_bank_id": bank.id, "signature_date": fields.Date.today()}
            ).validate()
            self.note("gerante records membre's SEPA mandate")
        self.login("membre")
        choice = "direct_debit_on" if by_direct_debit else "direct_debit_off"
        self.post(f"/my/standing/{standing.id}/{choice}")
        self.note(
            "membre pays her basket "
            + ("by direct debit" if by_direct_debit else "at pickup")
        )

    @precondition(
        lambda self: hasattr(
            self.env.get("account.payment.order"), "_coop_prepare_monthly_debits"
        )
    )
    @rule(returned=st.booleans())
    def the_month_is_debited(self, returned):
        """The month's debit order (the job prepares it), confirmed, its
        file sent to the bank, by the accountant (``gerante``, the order's
        buttons); now and then the bank returns one debit, which she records
        (a payment return)."""
        Order = self.env["account.payment.order"]
        orders = Order._coop_prepare_monthly_debits()
        if not orders:
            return
        accountant = self.user("gerante")
        for order in orders.with_user(accountant):
            order.draft2open()
            order.open2generated()
            order.generated2uploaded()
        self.note(f"gerante sends the month's debits ({len(orders.payment_ids)})")
        payment = orders.payment_ids.sorted("id")[:1]
        if not returned or not payment:
            return
        receivable = payment.move_id.line_ids.filtered(
            lambda line: line.account_id == payment.destination_account_id
        )
        refusal = (
            self.env["payment.return"]
            .with_user(accountant)
            .create(
                {
                    "journal_id": payment.journal_id.id,
                    "date": fields.Date.today(),
                    "line_ids": [
                        Command.create(
                            {
                                "move_line_ids": [Command.set(receivable.ids)],
                                "partner_id": payment.partner_id.id,
                                "amount": payment.amount,
                                "reason_id": self.env.ref(
                                    "coop_sepa_direct_debit.payment_return_reason_am04"
                                ).id,
                            }
                        )
                    ],
                }
            )
        )
        refusal.action_confirm()
        self.note(f"the bank returns {payment.partner_id.name}'s debit")

    # === Joining online === #

    @rule(
        applicant=st.sampled_from([None, "arras"]),
        means=st.sampled_from(["online", "at_shop"]),
        tier_band=st.sampled_from(["", "qf_0_450", "qf_701_1000"]),
    )
    def apply_to_join(self, applicant, means, tier_band):
        """A visitor (or the Arras member, logged in) applies on the Lille
        website's Join page, and pays her shares online at once or chooses
        to pay at the épicerie; she may ask for the solidarity price (the
        evidence only solidarity officers read)."""
        company = self.env.ref("base.main_company")
        Application = self.env["coop.membership.application"]
        if applicant:
            self.login(applicant)
        else:
            self.case.authenticate(None, None)
            self.logged_in = None
        share_class = Application._coop_open_share_classes(company)[:1]
        number = Application.search_count([]) + 1
        email = f"candidate{number}@example.fr"
        self.post(
            "/devenir-membre/envoyer",
            name=f"Candidate {number}",
            email=email,
            street="12 rue de Fives",
            zip="59800",
            city="Lille",
            share_class_id=share_class.id,
            share_quantity=max(share_class.min_quantity, 1),
            payment_choice=means,
            accept_documents="1",
            document_ids=self.env["coop.membership.document"]._current(company).ids,
            tier_qf_band=tier_band,
            tier_household_size="3" if tier_band else "",
        )
        application = Application.search([], order="id desc", limit=1)
        who = applicant or email
        # A new application, hers (the form refuses a second one of hers
        # while the first is processed: the newest is then the first).
        if Application.search_count([]) == number and application.partner_id.email == (
            self.user(applicant).partner_id.email if applicant else email
        ):
            self.note(
                f"{who} applies to join Lille, pays {means}"
                + (
                    f", asks for the solidarity price ({tier_band})"
                    if tier_band
                    else ""
                )
            )
            evidence = self.env["coop.tier.evidence"].search(
                [("partner_id", "=", application.partner_id.id)]
            )
            assert (evidence[:1].qf_band or "") == tier_band or not tier_band, (
                f"{who}'s tier request became {evidence.mapped('qf_band')}"
            )
            if means == "online":
                self.pay_invoice(application.invoice_id)
        else:
            self.note(f"{who} applies to join Lille: refused by the form")

    def pay_invoice(self, invoice):
        """Pay ``invoice`` with the demo provider, as the application page's
        payment form does, then the status page's polling."""
        provider = self.env["payment.provider"].search(
            [
                ("code", "=", "demo"),
                ("company_id", "=", invoice.company_id.id),
                ("state", "!=", "disabled"),
            ],
            limit=1,
        )
        processing = self.jsonrpc(
            f"/invoice/transaction/{invoice.id}",
            {
                "provider_id": provider.id,
                "payment_method_id": provider.payment_method_ids[:1].id,
                "token_id": None,
                "amount": invoice.amount_residual,
                "flow": "direct",
                "tokenization_requested": False,
                "landing_route": invoice.get_portal_url(),
                "is_validation": False,
                "access_token": invoice.sudo()._portal_ensure_token(),
            },
        )
        if processing is None:
            return
        self.jsonrpc(
            "/payment/demo/simulate_payment",
            {
                "reference": processing["reference"],
                "payment_details": "4242",
                "simulated_state": "done",
            },
        )
        self.jsonrpc("/payment/status/poll")

    def pending_applications(self):
        return self.env["coop.membership.application"].search(
            [("state", "in", ("submitted", "approved"))]
        )

    def unpaid_applications(self):
        return self.pending_applications().filtered(lambda a: not a.is_paid)

    @precondition(lambda self: self.unpaid_applications())
    @rule(data=st.data())
    def pay_shares_at_the_epicerie(self, data):
        """A candidate pays her shares at the épicerie: the staff register
        the payment on her invoice (Odoo's "Register payment")."""
        application = data.draw(
            st.sampled_from(self.unpaid_applications().sorted("id"))
        )
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=application.invoice_id.ids
        ).create({})._create_payments()
        self.note(f"{application.name}: shares paid at the épicerie")

    @precondition(lambda self: self.pending_applications())
    @rule(decision=st.sampled_from(["approve", "refuse"]), data=st.data())
    def the_board_decides(self, decision, data):
        """The manager records the board's decision, from the application's
        form (its buttons' RPC)."""
        application = data.draw(
            st.sampled_from(self.pending_applications().sorted("id"))
        )
        self.login("gerante")
        if decision == "approve":
            self.jsonrpc(
                "/web/dataset/call_kw",
                {
                    "model": "coop.membership.application",
                    "method": "action_approve",
                    "args": [application.ids],
                    "kwargs": {},
                },
            )
        else:
            wizard = self.jsonrpc(
                "/web/dataset/call_kw",
                {
                    "model": "coop.application.refuse.wizard",
                    "method": "create",
                    "args": [
                        {
                            "application_ids": [(6, 0, application.ids)],
                            "reason": "Hors du territoire de la coopérative",
                        }
                    ],
                    "kwargs": {},
                },
            )
            if wizard:
                self.jsonrpc(
                    "/web/dataset/call_kw",
                    {
                        "model": "coop.application.refuse.wizard",
                        "method": "action_refuse",
                        "args": [[wizard]],
                        "kwargs": {},
                    },
                )
        self.env.invalidate_all()
        self.note(f"gerante: {decision} {application.name} ({application.state})")

    @rule(mode=st.sampled_from(["automatic", "board"]))
    def the_coop_sets_its_admission(self, mode):
        self.env.ref("base.main_company").coop_admission_mode = mode
        self.note(f"Lille's admission: {mode}")

    # === Product information (coop_product_info) === #

    @precondition(
        lambda self: "coop_info_state" in self.env["product.template"]._fields
    )
    @rule(
        ingredients=st.sampled_from(
            [
                "Betteraves rouges cuites à l'eau.",
                "Betteraves rouges, vinaigre de cidre, graines de moutarde.",
            ]
        ),
        staff_checks=st.booleans(),
    )
    def a_farm_updates_her_product_information(self, ingredients, staff_checks):
        """The farm (login producteur) changes her beetroot's ingredients in
        her space (the web client's save); it waits for the staff's review;
        another farm's bread is out of her reach; the shop shows what she
        wrote."""
        beetroot = self.env.ref("coop_producers.product_marais_7_demo")
        bread = self.env.ref("coop_producers.product_antan_1_demo")
        self.login("producteur")
        for product, text in [(beetroot, ingredients), (bread, "Farine.")]:
            try:
                self.case.make_jsonrpc_request(
                    "/web/dataset/call_kw/product.template/web_save",
                    {
                        "model": "product.template",
                        "method": "web_save",
                        "args": [product.ids, {"coop_ingredients": text}],
                        "kwargs": {
                            # The web client's context: her language.
                            "context": {"lang": "fr_FR"},
                            "specification": {"coop_info_state": {}},
                        },
                    },
                )
                saved = True
            except JsonRpcException as error:
                assert "AccessError" in str(error), error
                saved = False
            assert saved == (product == beetroot), f"{product.name}: saved {saved}"
        self.env.invalidate_all()
        assert beetroot.coop_ingredients == ingredients
        assert bread.coop_ingredients != "Farine."
        assert beetroot.coop_info_state == "to_review"
        if staff_checks:
            beetroot.with_user(self.user("gerante")).action_coop_info_validate()
        self.login("membre")
        page = self.case.url_open(beetroot.website_url).text
        assert "Betteraves rouges" in page
        assert ("moutarde" in page) == ("moutarde" in ingredients)
        self.note(f"producteur: her beetroot's ingredients, checked: {staff_checks}")

    # === Shelf labels (coop_shelf_label) === #

    @precondition(
        lambda self: "coop_shelf_price" in self.env["product.product"]._fields
    )
    @rule(producer_price=st.sampled_from([1.1, 1.4, 1.9]), prints=st.booleans())
    def a_farm_changes_her_price_and_the_epicerie_reprints(
        self, producer_price, prints
    ):
        """The farm (producteur) changes her potatoes' price in her space
        (the web client's save); the épicerie's manager (gerante) prints the
        labels waiting, by the report's URL as her browser does."""
        potatoes = self.env.ref("coop_producers.product_marais_3_demo")
        self.login("producteur")
        self.case.make_jsonrpc_request(
            "/web/dataset/call_kw/product.template/web_save",
            {
                "model": "product.template",
                "method": "web_save",
                "args": [potatoes.ids, {"coop_producer_price": producer_price}],
                "kwargs": {
                    "context": {"lang": "fr_FR"},
                    "specification": {"list_price": {}},
                },
            },
        )
        self.env.invalidate_all()
        if prints:
            gerante = self.user("gerante")
            wizard = (
                self.env["product.print.wizard"]
                .with_user(gerante)
                .with_context(
                    active_model="product.print.category",
                    active_ids=self.env.ref("coop_shelf_label.print_category_a4").ids,
                )
                .create({})
            )
            if not wizard.line_ids:
                # The same price again: nothing waits to be printed.
                return
            action = wizard.print_report()
            self.login("gerante")
            ids = ",".join(map(str, wizard.line_ids.ids))
            response = self.case.url_open(f"/report/html/{action['report_name']}/{ids}")
            assert response.status_code == 200, response.status_code
            self.env.invalidate_all()
            for product in wizard.line_ids.product_id:
                assert not product.to_print, f"{product.display_name} still queued"
                self.printed_labels[product.id] = product.coop_shelf_price
        self.note(
            f"producteur: potatoes at {producer_price} €; gerante prints: {prints}"
        )

    # === Time passes === #

    @precondition(lambda self: self.open_cycle())
    @rule()
    def the_cycle_closes(self):
        """The closing time passes, the jobs run (close, refunds), the next
        cycle opens with its standing baskets."""
        cycle = self.open_cycle()
        now = fields.Datetime.now()
        cycle.close_datetime = now - timedelta(minutes=1)
        Cycle = self.env["coop.order.cycle"].with_context(lang="en_US", tz="UTC")
        Cycle._cron_open_and_close()
        for _step in range(10):
            if cycle.state != "closing":
                break
            Cycle._cron_close_steps()
        assert cycle.state == "closed", f"{cycle.name} is {cycle.state}"
        run_job(self.env, "coop_marketplace.ir_cron_coop_order_refunds")
        following = cycle.copy(
            {
                "name": f"{cycle.name} (suivant)",
                "open_datetime": now - timedelta(minutes=30),
                "close_datetime": now + timedelta(days=2),
                "pickup_date_from": cycle.pickup_date_from + timedelta(days=7),
                "pickup_date_to": cycle.pickup_date_to + timedelta(days=7),
            }
        )
        Cycle._cron_open_and_close()
        run_job(self.env, "coop_marketplace.ir_cron_coop_standing_orders")
        assert following.state == "open"
        self.note(f"{cycle.name} closes; {following.name} opens")
