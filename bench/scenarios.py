"""What is measured. Each scenario runs the same operation on a database.

In-process scenarios take an ``env`` on a fresh cursor, which the runner rolls
back after each run, so every run sees the same data. HTTP scenarios take a
base URL and a ``requests`` session; their SQL query count is read from the
Odoo server's own request log line (the thread's query counter).
"""

import re

from bench import datagen

IN_PROCESS = {}
HTTP = {}
# Features vanilla Odoo does not have: measured on our side alone.
OURS_ONLY = set()


def in_process(name, ours_only=False):
    def register(func):
        IN_PROCESS[name] = func
        if ours_only:
            OURS_ONLY.add(name)
        return func

    return register


def http(name):
    def register(func):
        HTTP[name] = func
        return func

    return register


def _bench_config(env):
    return env["pos.config"].search([("name", "=", "Caisse bench")], limit=1)


@in_process("pos_load")
def pos_load(env, size):
    """The till starts: pos.session.load_data, every model the POS loads."""
    session = _bench_config(env).current_session_id
    data = session.load_data([])
    return {"products": len(data["product.product"]["data"])}


@in_process("pos_sync")
def pos_sync(env, size):
    """The till sends its paid orders: pos.order.sync_from_ui."""
    config = _bench_config(env)
    count = datagen.SIZES[size]["pos_orders"]
    payload = datagen.pos_orders_payload(env, config, count)
    env.cr.sql_log_count = 0  # measure the sync, not the payload preparation
    result = env["pos.order"].sync_from_ui(payload)
    return {"orders": len(result["pos.order"])}


@in_process("pos_partner_search")
def pos_partner_search(env, size):
    """The cashier types a name in the till's customer list: the server search
    of PartnerList.getNewPartners, with the fields the till loads."""
    config = _bench_config(env)
    fields = env["res.partner"]._load_pos_data_fields(config.id)
    query = "Membre 0"
    search_fields = ["name", "parent_name", "phone_mobile_search", "email", "barcode"]
    domain = [
        *["|"] * (len(search_fields) - 1),
        *[(field, "ilike", query + "%") for field in search_fields],
    ]
    found = env["res.partner"].search_read(domain, fields, limit=30)
    return {"partners": len(found)}


@in_process("share_register", ours_only=True)
def share_register(env, size):
    """Staff print the whole share register (HTML of the PDF report)."""
    html, _type = env["ir.actions.report"]._render_qweb_html(
        "coop_members.action_report_share_register", None, data={}
    )
    return {"register_bytes": len(html)}


@in_process("fund_and_cap", ours_only=True)
def fund_and_cap(env, size):
    """The fund's balance and the allowance left of the 100 partners a till
    loads first, over the whole fund ledger."""
    balance = env["coop.solidarity.entry"]._fund_balance()
    partners = env["res.partner"].search([("name", "like", "Membre ")], limit=100)
    remaining = partners.mapped("coop_cap_remaining")
    return {"balance": round(balance, 2), "partners": len(remaining)}


@in_process("pooling")
def pooling(env, size):
    """A cycle's demand becomes one purchase order per producer. Ours:
    coop.pooling._pool (demand summed per product and destination, split
    between producers, allocations per destination kept). Vanilla: the same
    purchase orders created directly, in one batched ORM create, from totals
    summed in Python."""
    from odoo import Command

    demand, offers = datagen.pooling_demand(env, size)
    if "coop.pooling" in env:
        pooled = env["coop.pooling"]._pool("bench", demand)
        orders = pooled.purchase_order_ids
    else:
        producer_of = {
            product: (producer, price) for producer, product, price in offers
        }
        totals = {}
        for line in demand:
            totals[line["product_id"]] = (
                totals.get(line["product_id"], 0) + line["quantity"]
            )
        by_producer = {}
        for product_id, quantity in sorted(totals.items()):
            producer_id, price = producer_of[product_id]
            by_producer.setdefault(producer_id, []).append(
                Command.create(
                    {
                        "product_id": product_id,
                        "product_qty": quantity,
                        "price_unit": price,
                    }
                )
            )
        orders = env["purchase.order"].create(
            [
                {"partner_id": producer_id, "order_line": lines}
                for producer_id, lines in sorted(by_producer.items())
            ]
        )
    return {
        "demand_lines": len(demand),
        "orders": len(orders),
        "order_lines": len(orders.order_line),
        "amount": round(sum(orders.mapped("amount_untaxed")), 2),
    }


def login(session, base_url, login_name, password):
    page = session.get(f"{base_url}/web/login", timeout=60).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = session.post(
        f"{base_url}/web/login",
        data={"login": login_name, "password": password, "csrf_token": token},
        timeout=60,
    )
    response.raise_for_status()
    if "/web/login" in response.url:
        raise RuntimeError(f"login of {login_name} failed")


@http("shop_anonymous")
def shop_anonymous(session, base_url, tag):
    """A visitor opens the shop (first page of the grid)."""
    return session.get(f"{base_url}/shop?bench={tag}", timeout=120)


@http("shop_member")
def shop_member(session, base_url, tag):
    """A logged-in member opens the shop (their pricelist applies)."""
    if not getattr(session, "coop_logged_in", False):
        login(session, base_url, datagen.MEMBER_LOGIN, datagen.MEMBER_LOGIN)
        session.coop_logged_in = True
    return session.get(f"{base_url}/shop?bench={tag}", timeout=120)
