"""The member's slow steps, each against the closest vanilla step, over HTTP.

    PYTHONPATH=$ODOO_SRC .venv/bin/python -m bench.member_steps [--runs 5]

On a copy of the test template (our addons and their demo), committed, one
Odoo server (no worker, no job thread) answers the demo member ``membre``
(her prepaid account filled first). Each step is prepared over HTTP as she
does it, then the request that does the work is measured alone; its server
time is the server's own request log line (SQL time + the rest), its
queries too. Ours and vanilla alternate (A B, B A...):

- ``account_checkout``: her cycle's basket, all paid with her prepaid
  account, confirmed (``GET /shop/payment/validate``); vanilla: a quotation
  of hers paid online with the demo provider and confirmed by Odoo's
  payment status poll (``/payment/status/poll``), its confirmation e-mail
  with it;
- ``top_up``: an online top-up (10 € and 1 € to the fund) confirmed by the
  status poll; vanilla: the same quotation paid online;
- ``order_change``: a line of her confirmed order changed before the close
  (``POST /my/orders/<id>/coop_edit``); vanilla: her details saved on the
  portal (``POST /my/account``).

Prints one line per step: median server time of each side (min–max),
the ratio of the medians, the queries. Target (#32): each step under 1 s of
server time, ratio at most 1.5.
"""

import argparse
import json
import re
import statistics
import tempfile
import time
from pathlib import Path

import requests

from bench.checkout_http import CSRF, start_server
from bench.common import add_template_argument, coop, copy_template, odoo_env_setup

BENCH_DB = "coop_bench_member_steps"
LOGIN = "membre"
# werkzeug's line: "... "GET /path HTTP/1.1" 303 - <queries> <sql s> <rest s>"
REQUEST_LINE = re.compile(
    r'"(?P<method>GET|POST) (?P<path>\S+) HTTP/1\.1" \d+ - '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<rest>[\d.]+)"
)


def setup(env):
    """Fill the member's prepaid account; the ids the steps need."""
    program = env["loyalty.program"]._coop_wallet_program(env.company)
    card = program._coop_card_of(
        env.ref("coop_members.res_users_member_demo").partner_id
    )
    card.points += 1000
    carrier = env["delivery.carrier"].search(
        [
            ("delivery_type", "=", "coop_pickup"),
            ("company_id", "in", [env.company.id, False]),
        ],
        limit=1,
    )
    point = carrier._coop_pickup_points()[:1]
    provider = env["payment.provider"].search(
        [("code", "=", "demo"), ("company_id", "=", env.company.id)], limit=1
    )
    return {
        "product": env.ref(
            "coop_producers.product_marais_2_demo"
        ).product_variant_id.id,
        "carrier": carrier.id,
        "point": point.id,
        "reward": env.ref("coop_wallet.coop_wallet_reward").id,
        "top_up": env.ref("coop_wallet.product_wallet_top_up_10").product_variant_id.id,
        "provider": provider.id,
        "method": provider.with_context(active_test=False).payment_method_ids[:1].id,
        "partner": env.ref("coop_members.res_users_member_demo").partner_id.id,
    }


class Member:
    """The member's browser session, and the server's log to read."""

    def __init__(self, url, log_path, ids):
        self.url, self.log_path, self.ids = url, log_path, ids
        self.session = requests.Session()
        page = self.session.get(f"{url}/web/login", timeout=60).text
        self.session.post(
            f"{url}/web/login",
            data={
                "login": LOGIN,
                "password": LOGIN,
                "csrf_token": CSRF.search(page).group(1),
            },
            timeout=60,
        )
        page = self.session.get(f"{url}/my/account", timeout=60).text
        self.csrf = CSRF.search(page).group(1)

    def post(self, path, **data):
        return self.session.post(
            f"{self.url}{path}",
            data={**data, "csrf_token": self.csrf},
            timeout=600,
            allow_redirects=False,
        )

    def rpc(self, path, params=None):
        response = self.session.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "params": params or {}},
            timeout=600,
        )
        body = response.json()
        if "error" in body:
            raise RuntimeError(f"{path}: {body['error']['data']['message']}")
        return body.get("result")  # a None result is left out

    def measured(self, method, path, **kwargs):
        """Do the request; its server time (ms) and queries from the log."""
        start = Path(self.log_path).stat().st_size
        response = self.session.request(
            method, f"{self.url}{path}", timeout=600, allow_redirects=False, **kwargs
        )
        if response.status_code >= 400:
            raise RuntimeError(f"{path}: {response.status_code}")
        for _ in range(50):
            with open(self.log_path) as log:
                log.seek(start)
                for match in REQUEST_LINE.finditer(log.read()):
                    if match["path"].split("?")[0] == path.split("?")[0]:
                        seconds = float(match["sql"]) + float(match["rest"])
                        return seconds * 1000, int(match["queries"])
            time.sleep(0.1)
        raise RuntimeError(f"{path}: no log line")

    def pay_online(self, order_id, access_token, route):
        """Start and simulate a demo payment of an order; the status poll,
        which confirms it, is what is measured."""
        page = self.session.get(
            f"{self.url}/my/orders/{order_id}?access_token={access_token}", timeout=600
        ).text
        amount = float(re.search(r'data-amount="([\d.]+)"', page).group(1))
        processing = self.rpc(
            route,
            {
                "provider_id": self.ids["provider"],
                "payment_method_id": self.ids["method"],
                "token_id": None,
                "amount": amount,
                "flow": "direct",
                "tokenization_requested": False,
                "landing_route": f"/my/orders/{order_id}",
                "is_validation": False,
                "access_token": access_token,
            },
        )
        self.rpc(
            "/payment/demo/simulate_payment",
            {
                "reference": processing["reference"],
                "payment_details": "4242",
                "simulated_state": "done",
            },
        )
        return self.measured(
            "POST",
            "/payment/status/poll",
            json={"jsonrpc": "2.0", "method": "call", "params": {}},
        )

    # --- ours --- #

    def account_checkout(self):
        ids = self.ids
        self.post("/shop/cart/update", product_id=ids["product"], add_qty=1)
        self.rpc("/shop/set_delivery_method", {"dm_id": ids["carrier"]})
        self.rpc(
            "/website_sale/set_pickup_location",
            {"pickup_location_data": json.dumps({"id": ids["point"]})},
        )
        page = self.session.get(f"{self.url}/shop/coop_slot", timeout=600).text
        slot = next(
            re.search(r'value="(\d+)"', tag).group(1)
            for tag in re.findall(r'<input[^>]*name="slot_id"[^>]*>', page)
            if "disabled" not in tag
        )
        self.post("/shop/coop_slot", slot_id=slot)
        self.post("/shop/claimreward", reward_id=ids["reward"])
        return self.measured("GET", "/shop/payment/validate")

    def top_up(self):
        response = self.post(
            "/my/wallet/top_up", product_id=self.ids["top_up"], donation=1
        )
        location = response.headers["Location"]
        order_id = int(re.search(r"/my/orders/(\d+)", location).group(1))
        token = re.search(r"access_token=([\w-]+)", location).group(1)
        return self.pay_online(order_id, token, f"/my/orders/{order_id}/transaction")

    def order_change(self, env_call):
        order_id, line_id, quantity = env_call()
        return self.measured(
            "POST",
            f"/my/orders/{order_id}/coop_edit",
            data={f"qty_{line_id}": quantity, "csrf_token": self.csrf},
        )

    # --- vanilla --- #

    def vanilla_checkout(self, env_call):
        order_id, token = env_call()
        return self.pay_online(order_id, token, f"/my/orders/{order_id}/transaction")

    def vanilla_portal_save(self):
        return self.measured(
            "POST",
            "/my/account",
            data={
                "name": "Amina Benali",
                "email": "amina.benali@example.org",
                "phone": "+33 6 11 22 33 44",
                "street": "3 rue du Long Pot",
                "city": "Lille",
                "zip": "59800",
                "country_id": "75",
                "csrf_token": self.csrf,
            },
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    add_template_argument(parser)
    args = parser.parse_args()
    odoo_env_setup()
    from odoo import SUPERUSER_ID, Command, api, sql_db
    from odoo.modules.registry import Registry

    copy_template(args, BENCH_DB)
    registry = Registry(BENCH_DB)
    with registry.cursor() as cr:
        ids = setup(api.Environment(cr, SUPERUSER_ID, {}))
        cr.commit()

    def a_quotation():
        """A quotation of hers outside the cycles, to pay online."""
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            order = env["sale.order"].create(
                {
                    "partner_id": ids["partner"],
                    "require_payment": True,
                    "require_signature": False,
                    "order_line": [
                        Command.create(
                            {"product_id": ids["product"], "product_uom_qty": 2}
                        )
                    ],
                }
            )
            order.action_quotation_sent()
            token = order._portal_ensure_token()
            return order.id, token

    changes = {"quantity": 2}

    def her_confirmed_order():
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            order = env["sale.order"].search(
                [
                    ("partner_id", "=", ids["partner"]),
                    ("state", "=", "sale"),
                    ("coop_cycle_id", "!=", False),
                ],
                order="id desc",
                limit=1,
            )
            line = order._coop_goods_lines()[:1]
        changes["quantity"] = 3 - changes["quantity"]  # 1, 2, 1, 2...
        return order.id, line.id, changes["quantity"]

    log_path = Path(tempfile.mkdtemp(prefix="member_steps_")) / "server.log"
    port = coop.free_ports(1)[0]
    # The server's own request log (werkzeug) gives each step's server time.
    server, url = start_server(
        port,
        0,
        BENCH_DB,
        extra=("--log-handler=werkzeug:INFO",),
        stderr=log_path.open("w"),
    )
    try:
        member = Member(url, log_path, ids)
        steps = {
            "account_checkout": (
                member.account_checkout,
                lambda: member.vanilla_checkout(a_quotation),
            ),
            "top_up": (member.top_up, lambda: member.vanilla_checkout(a_quotation)),
            "order_change": (
                lambda: member.order_change(her_confirmed_order),
                member.vanilla_portal_save,
            ),
        }
        results = {}
        for name, (ours, vanilla) in steps.items():
            ours(), vanilla()  # warm-up
            times = {"ours": [], "vanilla": []}
            queries = {}
            for run in range(args.runs):
                order = (("ours", ours), ("vanilla", vanilla))
                for side, step in order if run % 2 == 0 else reversed(order):
                    ms, count = step()
                    times[side].append(ms)
                    queries[side] = count
            ours_ms, vanilla_ms = (
                statistics.median(times[s]) for s in ("ours", "vanilla")
            )
            results[name] = {
                "ours ms": round(ours_ms),
                "ours min-max": (round(min(times["ours"])), round(max(times["ours"]))),
                "vanilla ms": round(vanilla_ms),
                "vanilla min-max": (
                    round(min(times["vanilla"])),
                    round(max(times["vanilla"])),
                ),
                "ratio": round(ours_ms / vanilla_ms, 2),
                "queries ours / vanilla": f"{queries['ours']} / {queries['vanilla']}",
            }
            print(name, results[name], flush=True)
        print(json.dumps(results), flush=True)  # last line: for the tests
        return results
    finally:
        server.terminate()
        server.wait(60)
        Registry.delete(BENCH_DB)
        sql_db.close_db(BENCH_DB)
        coop.drop_db(BENCH_DB)


if __name__ == "__main__":
    main()
