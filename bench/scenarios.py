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


def in_process(name):
    def register(func):
        IN_PROCESS[name] = func
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
