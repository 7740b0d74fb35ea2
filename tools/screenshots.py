#!/usr/bin/env python3
"""Screenshots of the journeys on the demo (``make screenshots``).

Copies the demo template to ``coop_screens``, prepares what a person would
have done before the screen (a basket at the slot step, an open till), serves
it on a spare port, then drives headless Chromium through the DevTools
protocol (websocket-client, as Odoo's tours do), logged in as the demo users,
at the size of their screen (members: a phone). The PNGs land in
``docs/screenshots/``, shown in the README: look at them.
"""

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import coop
import websocket

DB = "coop_screens"
PORT = int(os.environ.get("SCREENSHOTS_PORT", "8071"))
OUT = coop.ROOT / "docs" / "screenshots"
PHONE, DESKTOP, TABLET = (390, 844, True), (1280, 800, False), (1024, 768, False)

# name, login, path, (width, height, mobile), what it shows
SHOTS = [
    ("shop_phone", "membre", "/shop", PHONE, "the open cycle's shop"),
    ("product_phone", "membre", "@product", PHONE, "a product and its farm"),
    (
        "product_info_phone",
        "membre",
        "@bread",
        PHONE,
        "a product's information: ingredients, allergens in bold, traces",
    ),
    (
        "shop_without_gluten_phone",
        "membre",
        "@without_gluten",
        PHONE,
        "the shop's 'Sans gluten' filter",
    ),
    (
        "producer_product_info",
        "producteur",
        "@beetroot",
        DESKTOP,
        "the producer fills in what members read before buying",
    ),
    (
        "product_info_review",
        "gerante",
        "/odoo/action-coop_product_info.product_template_action_info_review",
        DESKTOP,
        "the staff's list of product information to review",
    ),
    (
        "shelf_labels",
        "gerante",
        "/odoo/action-coop_shelf_label.action_shelf_label_categories",
        DESKTOP,
        "the épicerie's shelf labels and how many wait to be printed",
    ),
    ("slot_phone", "membre", "/shop/coop_slot", PHONE, "the pickup slot step"),
    ("orders_phone", "membre", "/my/orders", PHONE, "the member's orders"),
    ("membership_phone", "membre", "/my/membership", PHONE, "the member's shares"),
    (
        "standing_phone",
        "membre",
        "/my/standing",
        PHONE,
        "the member's standing basket",
    ),
    (
        "order_edit_phone",
        "membre",
        "@order",
        PHONE,
        "the member changes her order before the close",
    ),
    (
        "order_preparing_phone",
        "membre",
        "@order_weighed",
        PHONE,
        "her order of the closed cycle: being prepared, about what to pay",
    ),
    (
        "cart_weighed_phone",
        "membre",
        "/shop/cart",
        PHONE,
        "a basket with a squash sold by weight: the total is an estimate",
    ),
    (
        "weighing_phone",
        "caisse",
        "/odoo/action-coop_marketplace.sale_order_action_pickup",
        PHONE,
        "pickup day: the volunteer weighs Amina's chicken and squash",
    ),
    (
        "wallet_phone",
        "membre",
        "/my/wallet",
        PHONE,
        "the member's prepaid account: balance, top-up online, history",
    ),
    (
        "cart_wallet_phone",
        "membre",
        "/shop/cart",
        PHONE,
        "the basket can be paid with the prepaid account",
    ),
    ("shop_visitor", None, "/shop", DESKTOP, "the shop for a visitor"),
    ("home_phone", None, "/", PHONE, "the platform's home page, for a visitor"),
    ("join_phone", None, "/devenir-membre", PHONE, "joining: who can join, the form"),
    (
        "application_phone",
        None,
        "@application",
        PHONE,
        "her application: pay the shares online, or at the épicerie",
    ),
    (
        "applications",
        "gerante",
        "/odoo/action-coop_members_website.coop_membership_application_action",
        DESKTOP,
        "the applications the board decides on",
    ),
    ("terms_phone", None, "/terms", PHONE, "the coop's terms of sale"),
    ("till", "caisse", "@till", DESKTOP, "the till, a member at her tier"),
    (
        "till_shifts_badge",
        "caisse",
        "@till",
        DESKTOP,
        "the till: a member in alert for her shifts, on her badge",
    ),
    (
        "shifts_planning",
        "gerante",
        "/odoo/action-coop_shift.coop_shift_action",
        DESKTOP,
        "the volunteer shifts' planning: a week, short shifts apart",
    ),
    (
        "shifts_phone",
        "membre",
        "/my/shifts",
        PHONE,
        "the member's shifts: her state, her next shifts, the make-ups",
    ),
    (
        "till_wallet",
        "caisse",
        "@till",
        TABLET,
        "the till: a member tops up her prepaid account and gives to the fund",
    ),
    ("producer_space", "producteur", "/odoo", DESKTOP, "the producer's space"),
    (
        "pickup_day_phone",
        "gerante",
        "/odoo/action-coop_marketplace.sale_order_action_pickup",
        PHONE,
        "pickup day",
    ),
    (
        "network_figures",
        "coordination",
        "/odoo/action-coop_network.coop_network_report_action",
        DESKTOP,
        "the network's figures per platform and month (coordinator)",
    ),
    (
        "network_payouts",
        "coordination",
        "/odoo/action-coop_network.coop_network_producer_report_action?view_type=list",
        DESKTOP,
        "producer payouts: stated, paid by the bills, left to pay (coordinator)",
    ),
    # "//host/path": another website of the database, by its domain.
    (
        "lecourtcircuit_shop_phone",
        "arras",
        "//lecourtcircuit.localhost/shop",
        PHONE,
        "LeCourtCircuit's shop, for a member of the Arras épicerie",
    ),
    ("arras_till", "caisse-arras", "@arras_till", TABLET, "the Arras till, one price"),
    (
        "producer_statements_network",
        "producteur",
        "/odoo/action-coop_producers.coop_producer_statement_action_producer",
        DESKTOP,
        "the farm's statements of its three platforms",
    ),
    (
        "cycle_minimums",
        "gerante",
        "@cycle",
        DESKTOP,
        "the open cycle's producer minimums (the orchard's not reached yet)",
    ),
    (
        "shortage_refund",
        "gerante",
        "/odoo/action-coop_marketplace.coop_order_refund_action",
        DESKTOP,
        "last cycle's shortage refund, to make by hand",
    ),
    ("courier_rounds_phone", "coursier", "/my/rounds", PHONE, "the courier's rounds"),
    (
        "courier_round_phone",
        "coursier",
        "@round",
        PHONE,
        "the courier's round, stop by stop (Livré, Absent)",
    ),
    (
        "bike_round",
        "gerante",
        "@round_backend",
        DESKTOP,
        "the round in the backend: load, stops, sheet, exports",
    ),
    (
        "self_billed_bill",
        "gerante",
        "@self_billed_bill",
        DESKTOP,
        "a farm's self-billed invoice: her own series, the mention, its Factur-X",
    ),
    (
        "debit_order",
        "gerante",
        "@debit_order",
        DESKTOP,
        "this month's SEPA debit order: the members' instalments under mandate",
    ),
    (
        "mandate",
        "gerante",
        "@mandate",
        DESKTOP,
        "a member's SEPA mandate",
    ),
    # Last: it switches the member's basket to the bikes.
    (
        "delivery_slot_phone",
        "membre",
        "/shop/checkout",
        PHONE,
        "the delivery slot step, with a word for the courier",
    ),
]

# Run inside `odoo-bin shell` on the copy: a basket at the slot step for the
# demo member, an open session for the till. Prints the paths it prepared.
PREPARE = """
member = env.ref("coop_members.res_users_member_demo")
cycle = env.ref("coop_marketplace.coop_order_cycle_demo")
point = env.ref("coop_marketplace.coop_pickup_point_hellemmes_demo")
carrier = env.ref("coop_marketplace.delivery_carrier_coop_pickup_demo")
website = env["website"].get_current_website()
carrots = env.ref("coop_producers.product_marais_1_demo").product_variant_id
apples = env.ref("coop_producers.product_debuyser_1_demo").product_variant_id
squash = env.ref("coop_producers.product_marais_5_demo").product_variant_id
order = env["sale.order"].with_user(member).sudo().create({
    "partner_id": member.partner_id.id,
    "website_id": website.id,
    "coop_cycle_id": cycle.id,
    "order_line": [
        (0, 0, {"product_id": carrots.id, "product_uom_qty": 2}),
        (0, 0, {"product_id": apples.id, "product_uom_qty": 1}),
        (0, 0, {"product_id": squash.id, "product_uom_qty": 1}),
    ],
})
order.set_delivery_line(carrier, 0)
order._coop_set_pickup_point(point)
bike_round = env["stock.picking.batch"].search(
    [("coop_cycle_id", "=", cycle.id), ("coop_is_round", "=", True)], limit=1
)
till = env["pos.config"].search([("name", "=", "Caisse épicerie")], limit=1)
cashier = env["res.users"].search([("login", "=", "caisse")])
session = env["pos.session"].create({"config_id": till.id, "user_id": cashier.id})
session.set_opening_control(0, "")
arras_till = env["pos.config"].search([("name", "=", "Caisse Arras")], limit=1)
arras_cashier = env["res.users"].search([("login", "=", "caisse-arras")])
arras_session = env["pos.session"].with_company(arras_till.company_id).create(
    {"config_id": arras_till.id, "user_id": arras_cashier.id}
)
arras_session.set_opening_control(0, "")
lille = env.ref("base.main_company")
Application = env["coop.membership.application"]
share_class = Application._coop_open_share_classes(lille)[:1]
application = Application.with_context(lang="fr_FR")._coop_apply(lille, {
    "name": "Chloé Lefebvre", "email": "chloe.lefebvre@example.fr",
    "street": "12 rue de Fives", "zip": "59800", "city": "Lille",
    "share_class_id": share_class.id,
    "share_quantity": max(share_class.min_quantity, 1),
    "payment_choice": "online",
    "document_ids": env["coop.membership.document"]._current(lille).ids,
}, user=env.ref("base.public_user"))
# The épicerie's manager prints the shelf labels waiting (her wizard's lines).
shelf_labels = env["product.print.wizard"].with_user(
    env.ref("coop_members.res_users_manager_demo")
).with_context(
    active_model="product.print.category",
    active_ids=env.ref("coop_shelf_label.print_category_a4").ids,
).create({}).line_ids
# The beekeeper's statement, self-billed under her mandate (coop_einvoice).
self_billed = env["coop.producer.statement"].search([
    ("producer_id", "=", env.ref("coop_producers.coop_producer_weppes_demo").id),
    ("state", "=", "confirmed"),
], limit=1).vendor_bill_id
env.cr.commit()
print("SCREENS " + json.dumps({
    "@debit_order": "/odoo/debit-orders/"
    + str(env["account.payment.order"].search(
        [("payment_type", "=", "inbound")], limit=1).id),
    "@mandate": "/odoo/action-account_banking_mandate.mandate_action/"
    + str(env.ref("coop_sepa_direct_debit.account_banking_mandate_sophie_demo").id),
    "@self_billed_bill": "/odoo/action-account.action_move_in_invoice_type/"
    + str(self_billed.id),
    "@invoice_b2b_pdf": "/report/pdf/account.report_invoice/"
    + str(env.ref("coop_einvoice.account_move_cuisine_partagee_demo").id),
    "@application": application.get_portal_url(),
    "@product": carrots.website_url,
    "@bread": env.ref("coop_producers.product_antan_1_demo").website_url,
    "@without_gluten": "/shop?sans="
    + str(env.ref("product_allergen.allergen_gluten").id),
    "@beetroot": "/odoo/action-coop_producers.product_template_action_producer/"
    + str(env.ref("coop_producers.product_marais_7_demo").id),
    "@till": f"/pos/ui?config_id={till.id}",
    "@arras_till": f"/pos/ui?config_id={arras_till.id}",
    "@order": f"/my/orders/{env.ref('coop_marketplace.sale_order_amina_demo').id}",
    "@order_weighed": "/my/orders/"
    + str(env.ref("coop_marketplace.sale_order_weighing_1_demo").id),
    "@cycle": "/odoo/action-coop_marketplace.coop_order_cycle_action/"
    + str(cycle.id),
    "@round": f"/my/rounds/{bike_round.id}",
    "@round_backend": "/odoo/action-"
    + f"coop_bike_delivery.stock_picking_batch_action_round/{bike_round.id}",
    "@carrier_id": carrier.id,
    "@point_id": point.id,
    "@order_id": order.id,
    "@order_token": order._portal_ensure_token(),
    "@at_pickup": env.ref("coop_marketplace.payment_provider_coop_at_pickup").id,
    "@at_pickup_method": env.ref("coop_marketplace.payment_method_coop_at_pickup").id,
    "@shelf_labels_pdf": "/report/pdf/coop_shelf_label.report_shelf_label_a4/"
    + ",".join(map(str, shelf_labels.ids)),
    "@statement_pdf": "/report/pdf/coop_producers.report_producer_statement/"
    + str(env.ref("coop_producers.coop_producer_statement_marais_demo").id),
}))
"""


# What a person does on the page before the picture (run in the page).
ACTIONS = {
    # The member scrolls down to the product's information.
    "product_info_phone": """(async () => {
        document.querySelector(".o_coop_product_info").scrollIntoView();
        await new Promise((resolve) => setTimeout(resolve, 500));
    })()""",
    # The manager opens the cycle's "Minimums des producteurs" tab.
    "cycle_minimums": """(async () => {
        document.querySelector(".o_notebook a[name='minimums']").click();
        await new Promise((resolve) => setTimeout(resolve, 1000));
    })()""",
    # The member chooses the bikes for her basket (delivered home, 12 rue
    # Gambetta) and goes on to the slot step.
    "delivery_slot_phone": """(async () => {
        const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        [...document.querySelectorAll("#delivery_address_row .card")]
            .find((card) => card.textContent.includes("Gambetta"))
            .click();
        await wait(2500);
        document
            .querySelector("input[name='o_delivery_radio'][data-delivery-type='coop_bike']")
            .click();
        await wait(2500);
        setTimeout(() => window.location.assign("/shop/coop_slot"), 10);
    })()""",
    # The member scrolls to the form that changes her order.
    "order_edit_phone": """(async () => {
        document.querySelector("#coop_order_edit").scrollIntoView();
        window.scrollBy(0, -70);  // under the sticky header
        await new Promise((resolve) => setTimeout(resolve, 500));
    })()""",
    # The volunteer opens today's Fives slot and taps "Peser" on Amina's
    # order; he types the chicken's weight.
    "weighing_phone": """(async () => {
        const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        [...document.querySelectorAll(".o_group_header")]
            .find((g) => g.textContent.includes("Lille-Fives"))
            .click();
        await wait(1500);
        const row = [...document.querySelectorAll(".o_data_row")].find((r) =>
            r.textContent.includes("Amina Benali")
        );
        [...row.querySelectorAll("button")]
            .find((b) => b.textContent.includes("Peser"))
            .click();
        await wait(1500);
        document
            .querySelector(".modal .o_data_row .o_data_cell[name='real_weight']")
            .click();
        await wait(500);
        const input = document.querySelector(
            ".modal .o_field_widget[name='real_weight'] input"
        );
        input.value = "1,72";
        input.dispatchEvent(new Event("input", {bubbles: true}));
        await wait(500);
    })()""",
    # The manager opens the refund to make.
    "shortage_refund": """(async () => {
        document.querySelector(".o_list_view .o_data_row .o_data_cell").click();
        await new Promise((resolve) => setTimeout(resolve, 2000));
    })()""",
    # The cashier has chosen the demo member and put two loaves in her basket.
    "till": """(async () => {
        const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        document.querySelector(".screen-login .open-register-btn")?.click();
        await wait(3000);
        const pos = window.posmodel;
        const amina = pos.models["res.partner"].find(
            (p) => p.coop_member_number === "00033"
        );
        pos.get_order().set_partner(amina);
        const card = [...document.querySelectorAll(".product-list article")].find(
            (a) => a.textContent.includes("Pain de campagne")
        );
        card.click();
        await wait(500);
        card.click();
    })()""",
    # The cashier has chosen Thomas Vanhoutte, in alert for a missed shift.
    "till_shifts_badge": """(async () => {
        const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        document.querySelector(".screen-login .open-register-btn")?.click();
        await wait(3000);
        const pos = window.posmodel;
        pos.add_new_order();
        await wait(500);
        const thomas = pos.models["res.partner"].find(
            (p) => p.name === "Thomas Vanhoutte"
        );
        pos.get_order().set_partner(thomas);
        await wait(500);
    })()""",
    # The member's basket, scrolled to "Payer avec un e-wallet".
    "cart_wallet_phone": """(async () => {
        document.querySelector("form[name='claim_reward']").scrollIntoView();
        window.scrollBy(0, -200);
        await new Promise((resolve) => setTimeout(resolve, 500));
    })()""",
    # The cashier has chosen Amina, a 20 € top-up and 2 € for the fund.
    "till_wallet": """(async () => {
        const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        document.querySelector(".screen-login .open-register-btn")?.click();
        await wait(3000);
        const pos = window.posmodel;
        pos.add_new_order();
        await wait(500);
        const amina = pos.models["res.partner"].find(
            (p) => p.coop_member_number === "00033"
        );
        pos.get_order().set_partner(amina);
        const find = (text) =>
            [...document.querySelectorAll(".product-list article")].find((a) =>
                a.textContent.includes(text)
            );
        find("Recharge porte-monnaie 20")?.click();
        await wait(500);
        find("Don au fonds")?.click();
        await wait(500);
        find("Don au fonds")?.click();
        await wait(500);
    })()""",
    # The Arras volunteer has chosen Mehdi (Arras n° 00002) and two loaves.
    "arras_till": """(async () => {
        const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        document.querySelector(".screen-login .open-register-btn")?.click();
        await wait(3000);
        const pos = window.posmodel;
        const mehdi = pos.models["res.partner"].find(
            (p) => p.coop_member_number === "00002"
        );
        pos.get_order().set_partner(mehdi);
        const card = [...document.querySelectorAll(".product-list article")].find(
            (a) => a.textContent.includes("Pain de campagne")
        );
        card.click();
        await wait(500);
        card.click();
    })()""",
}


def free_port(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def prepare():
    template = coop.ensure_template()
    coop.say(f"copying {template} to {DB}")
    coop.copy_db(template, DB)
    proc = subprocess.run(
        coop.shell_cmd(DB),
        # wkhtmltopdf fetches the report's styles and logo from report.url:
        # this server's, not the demo's usual port.
        input="import json\n"
        + f"env['ir.config_parameter'].set_param('report.url', 'http://127.0.0.1:{PORT}')\n"
        + PREPARE,
        capture_output=True,
        text=True,
        check=False,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("SCREENS "):
            return json.loads(line[len("SCREENS ") :])
    print(proc.stdout[-3000:], proc.stderr[-3000:], file=sys.stderr)
    coop.die("preparing the screenshots database failed")


def serve():
    if not free_port(PORT):
        coop.die(f"port {PORT} is busy (set SCREENSHOTS_PORT)")
    log = open(coop.LOG_DIR / "screenshots.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        coop.odoo_cmd(
            "dev.conf",
            f"--database={DB}",
            f"--db-filter=^{DB}$",
            f"--http-port={PORT}",
            "--http-interface=127.0.0.1",
            "--max-cron-threads=0",
        ),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/web/login", timeout=5)
            return server
        except OSError:
            time.sleep(1)
    server.kill()
    coop.die("the Odoo server did not start, see .odoo/screenshots.log")


def check_out(session, paths):
    """The member checks her basket out as her phone would: collected at
    Hellemmes, the first free slot, paid at pickup; her session then shows
    the confirmation page (Odoo's payment steps, over HTTP)."""
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", f"session_id={session}")]
    base = f"http://127.0.0.1:{PORT}"

    def rpc(path, params):
        body = json.dumps({"jsonrpc": "2.0", "params": params}).encode()
        request = urllib.request.Request(
            base + path, data=body, headers={"Content-Type": "application/json"}
        )
        answer = json.loads(opener.open(request, timeout=120).read())
        if "error" in answer:
            coop.die(f"{path}: {answer['error']}")
        return answer.get("result")

    def post(path, **data):
        return opener.open(
            base + path, data=urllib.parse.urlencode(data).encode(), timeout=120
        ).read()

    rpc("/shop/set_delivery_method", {"dm_id": paths["@carrier_id"]})
    rpc(
        "/website_sale/set_pickup_location",
        {"pickup_location_data": json.dumps({"id": paths["@point_id"]})},
    )
    page = opener.open(base + "/shop/coop_slot", timeout=120).read().decode()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    slot = next(
        re.search(r'value="(\d+)"', tag).group(1)
        for tag in re.findall(r'<input[^>]*name="slot_id"[^>]*>', page)
        if "disabled" not in tag
    )
    post("/shop/coop_slot", slot_id=slot, csrf_token=csrf)
    page = opener.open(base + "/shop/payment", timeout=120).read().decode()
    amount = float(re.search(r'data-amount="([\d.]+)"', page).group(1))
    processing = rpc(
        f"/shop/payment/transaction/{paths['@order_id']}",
        {
            "provider_id": paths["@at_pickup"],
            "payment_method_id": paths["@at_pickup_method"],
            "token_id": None,
            "amount": amount,
            "flow": "redirect",
            "tokenization_requested": False,
            "landing_route": "/shop/payment/validate",
            "is_validation": False,
            "access_token": paths["@order_token"],
        },
    )
    post("/payment/custom/process", reference=processing["reference"])
    rpc("/payment/status/poll", {})
    opener.open(base + "/shop/payment/validate", timeout=120).read()


def pdf_first_page(session, path, target):
    """The first page of a PDF report, as an image (what a person sees)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}", headers={"Cookie": f"session_id={session}"}
    )
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        pdf.write_bytes(urllib.request.urlopen(request, timeout=300).read())
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(target.with_suffix("")),
            ],
            check=True,
        )


def session_id(login):
    """Log in as the demo user (password = login) and return the session."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "params": {"db": DB, "login": login, "password": login},
        }
    ).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}/web/session/authenticate",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    answer = json.loads(opener.open(request, timeout=60).read())
    if answer.get("error"):
        coop.die(f"cannot log in as {login}: {answer['error']}")
    return next(c.value for c in jar if c.name == "session_id")


class Browser:
    """Headless Chromium driven through the DevTools protocol."""

    def __init__(self):
        exe = next(
            shutil.which(e)
            for e in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(e)
        )
        self.profile = tempfile.mkdtemp(prefix="coop-screens-")
        self.proc = subprocess.Popen(
            [
                exe,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--remote-debugging-port=9334",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # The web client shows times in the browser's time zone: the
            # demo's people are in Lille.
            env={**os.environ, "TZ": "Europe/Paris"},
        )
        for _ in range(60):
            try:
                targets = json.loads(
                    urllib.request.urlopen(
                        "http://127.0.0.1:9334/json", timeout=2
                    ).read()
                )
                page = next(t for t in targets if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.5)
        else:
            coop.die("Chromium did not start")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def shot(self, url, size, session, path, action=None):
        width, height, mobile = size
        self.call("Network.enable")
        self.call("Network.clearBrowserCookies")
        if session:
            self.call(
                "Network.setCookie",
                name="session_id",
                value=session,
                domain=urllib.parse.urlsplit(url).hostname,
                path="/",
            )
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=mobile,
        )
        self.call("Emulation.setTouchEmulationEnabled", enabled=mobile)
        self.call("Page.navigate", url=url)
        # Let the web client and its lazy parts settle.
        deadline = time.time() + 30
        while time.time() < deadline:
            state = self.call(
                "Runtime.evaluate", expression="document.readyState", returnByValue=True
            )["result"].get("value")
            if state == "complete":
                break
            time.sleep(0.5)
        time.sleep(6)
        if action:
            result = self.call("Runtime.evaluate", expression=action, awaitPromise=True)
            if "exceptionDetails" in result:
                raise RuntimeError(f"{path.name}: {result['exceptionDetails']}")
            time.sleep(3)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    coop.check_browser()
    OUT.mkdir(parents=True, exist_ok=True)
    coop.LOG_DIR.mkdir(exist_ok=True)
    paths = prepare()
    server = serve()
    browser = Browser()
    try:
        sessions = {}
        # SCREENSHOTS_ONLY=name,name: those shots alone (while working on them).
        only = set(filter(None, os.environ.get("SCREENSHOTS_ONLY", "").split(",")))
        for name, login, path, size, what in SHOTS:
            if only and name not in only:
                continue
            if login and login not in sessions:
                sessions[login] = session_id(login)
            path = paths.get(path, path)
            if path.startswith("//"):  # another website: its host, our port
                host, _slash, rest = path[2:].partition("/")
                url = f"http://{host}:{PORT}/{rest}"
            else:
                url = f"http://127.0.0.1:{PORT}{path}"
            target = OUT / f"{name}.png"
            browser.shot(url, size, sessions.get(login), target, ACTIONS.get(name))
            coop.say(f"{target.relative_to(coop.ROOT)}: {what} ({login or 'visitor'})")
        if only:
            return
        # Last (her basket is then an order): the member checks out, to pay
        # at pickup.
        check_out(sessions["membre"], paths)
        target = OUT / "confirmation_phone.png"
        browser.shot(
            f"http://127.0.0.1:{PORT}/shop/confirmation",
            PHONE,
            sessions["membre"],
            target,
            "window.scrollTo(0, 0)",
        )
        coop.say(f"{target.relative_to(coop.ROOT)}: the confirmation page (membre)")
        target = OUT / "statement_pdf.png"
        pdf_first_page(session_id("producteur"), paths["@statement_pdf"], target)
        coop.say(f"{target.relative_to(coop.ROOT)}: a statement's first page (PDF)")
        target = OUT / "shelf_labels_pdf.png"
        pdf_first_page(session_id("gerante"), paths["@shelf_labels_pdf"], target)
        coop.say(f"{target.relative_to(coop.ROOT)}: a sheet of shelf labels (PDF)")
        target = OUT / "invoice_b2b_pdf.png"
        pdf_first_page(session_id("gerante"), paths["@invoice_b2b_pdf"], target)
        coop.say(f"{target.relative_to(coop.ROOT)}: an invoice to a business (PDF)")
    finally:
        browser.close()
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
