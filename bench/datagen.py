"""Deterministic data for the benchmarks: the same seed gives the same data.

Runs inside Odoo (``env`` given). Creates are batched through the ORM
(``create`` of a list), which keeps computed fields, translations and
variants right; at the full sizes (10,000 products, 20,000 members,
20,000 order lines) this takes about a minute. Plain SQL would be faster but
would skip the ORM's side effects that the measured code reads.

Feature addons extend this generator where they add data (tiers, shares,
pickup slots): look for ``if "<model>" in env`` blocks.
"""

import logging
import random
import time
from datetime import timedelta

from odoo import Command, fields

_logger = logging.getLogger(__name__)

SIZES = {
    # CI smoke: seconds.
    "smoke": {
        "products": 40,
        "members": 20,
        "order_lines": 40,
        "pos_orders": 10,
        "fund_entries": 200,
        "pooling": (200, 6, 4),
        "cycle_products": 20,
    },
    "small": {
        "products": 1000,
        "members": 500,
        "order_lines": 1000,
        "pos_orders": 100,
        "fund_entries": 10000,
        "pooling": (2000, 20, 10),
        "cycle_products": 500,
    },
    # The sizes named in the issues.
    "full": {
        "products": 10000,
        "members": 20000,
        "order_lines": 20000,
        "pos_orders": 500,
        "fund_entries": 100000,
        # Demand lines, producers, destinations of the pooling bench (#5).
        "pooling": (20000, 60, 40),
        # Products on offer in the open order cycle the shop follows (#6).
        "cycle_products": 2000,
    },
}
BATCH = 1000
MEMBER_LOGIN = "bench_member"
PRODUCE = [
    "Pommes",
    "Poires",
    "Carottes",
    "Poireaux",
    "Endives",
    "Pommes de terre",
    "Oignons",
    "Fromage",
    "Yaourt",
    "Bière",
    "Pain",
    "Miel",
    "Farine",
    "Œufs",
    "Jus de pomme",
]
VILLAGES = ["Lille", "Roubaix", "Tourcoing", "Villeneuve-d'Ascq", "Lomme", "Seclin"]


def batched(values, size=BATCH):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def create_batched(model, vals_list):
    records = model.browse()
    for chunk in batched(vals_list):
        records |= model.create(chunk)
    return records


def generate(env, size="smoke", seed=42, companies=1):
    """Create the benchmark data in ``env``'s database and return a summary;
    with ``companies`` > 1, a network: the other platforms (companies with
    their own website) get their share of the members."""
    timings, last = {}, [time.monotonic()]

    def lap(step):  # seconds per step, to see where generation time goes
        now = time.monotonic()
        timings[step] = round(now - last[0], 1)
        last[0] = now
        _logger.info("bench data: %s in %.1f s", step, timings[step])

    sizes = SIZES[size]
    rng = random.Random(seed)
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))

    categories = create_batched(
        env["product.category"],
        [{"name": f"Rayon {name}"} for name in PRODUCE],
    )
    # The till shows its products in a category, as every shop's till does.
    pos_category = env["pos.category"].create({"name": "Épicerie bench"})
    producers = create_batched(
        env["res.partner"],
        [
            {
                "name": f"Ferme {i:03d}",
                "is_company": True,
                "city": rng.choice(VILLAGES),
                "country_id": env.ref("base.fr").id,
            }
            for i in range(max(1, sizes["products"] // 50))
        ],
    )
    website = env["website"].search([], limit=1)
    templates = create_batched(
        env["product.template"],
        [
            {
                "name": f"{PRODUCE[i % len(PRODUCE)]} bench {i:05d}",
                "type": "consu",
                "categ_id": categories[i % len(categories)].id,
                "list_price": round(rng.uniform(0.8, 25.0), 2),
                "standard_price": round(rng.uniform(0.5, 15.0), 2),
                "sale_ok": True,
                "available_in_pos": True,
                "pos_categ_ids": [Command.set(pos_category.ids)],
                "is_published": True,
                "website_id": website.id,
                "seller_ids": [
                    Command.create(
                        {
                            "partner_id": producers[i % len(producers)].id,
                            "price": round(rng.uniform(0.5, 15.0), 2),
                        }
                    )
                ],
            }
            for i in range(sizes["products"])
        ],
    )
    products = templates.product_variant_ids
    lap("products")
    members = create_batched(
        env["res.partner"],
        [
            {
                "name": f"Membre {i:05d}",
                "email": f"membre{i:05d}@example.org",
                "city": rng.choice(VILLAGES),
                "zip": "59000",
                "country_id": env.ref("base.fr").id,
            }
            for i in range(sizes["members"])
        ],
    )
    member_user = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "login": MEMBER_LOGIN,
                "password": MEMBER_LOGIN,
                "partner_id": members[0].id,
                "groups_id": [Command.set([env.ref("base.group_portal").id])],
            }
        )
    )
    # The vanilla equivalent of a member's price tier: a native −40 % pricelist
    # (rounded to 0.05, bound to the shop, not selectable). Our side replaces
    # it with the tier's own pricelist (generate_ours), so shop_member
    # compares a tier with the native pricing a coop would otherwise use.
    Pricelist = env["product.pricelist"]
    pricelist_vals = {
        "name": "Membre −40 %",
        "sequence": 1000,
        "item_ids": [
            Command.create(
                {
                    "applied_on": "3_global",
                    "compute_price": "formula",
                    "base": "list_price",
                    "price_discount": 40,
                    "price_round": 0.05,
                }
            )
        ],
    }
    if "website_id" in Pricelist._fields:
        pricelist_vals.update(website_id=website.id, selectable=False)
    member_pricelist = Pricelist.create(pricelist_vals)
    members[0].property_product_pricelist = member_pricelist
    lap("members")
    platforms = _bench_platforms(env, members, companies)
    lap("platforms")
    lines_per_order = 5
    order_count = max(1, sizes["order_lines"] // lines_per_order)
    orders = create_batched(
        env["sale.order"],
        [
            {
                "partner_id": members[i % len(members)].id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": rng.choice(products).id,
                            "product_uom_qty": rng.randint(1, 4),
                        }
                    )
                    for _line in range(lines_per_order)
                ],
            }
            for i in range(order_count)
        ],
    )
    lap("sale_orders")
    orders[: order_count // 2].action_confirm()
    lap("confirm_half")
    pos_config = _pos_config(env, member_pricelist, pos_category)
    return {
        "timings_s": timings,
        "size": size,
        "seed": seed,
        "products": len(products),
        "members": len(members),
        "sale_orders": len(orders),
        "order_lines": len(orders.order_line),
        "member_login": member_user.login,
        "pos_config_id": pos_config.id,
        "companies": 1 + len(platforms),
    }


PLATFORM_NAME = "Plateforme bench %d"
WALLET_NAME = "Porte-monnaie bench"


def _bench_platforms(env, members, companies):
    """``companies - 1`` other platforms of the network, each with its
    website and as many members of its own (its contacts) as the first one
    has: the first platform's data stays the single-company bench's."""
    platforms = env["res.company"].create(
        [{"name": PLATFORM_NAME % k} for k in range(2, companies + 1)]
    )
    for platform in platforms:
        env["website"].create({"name": platform.name, "company_id": platform.id})
        create_batched(
            env["res.partner"],
            [
                {
                    "name": f"Membre {platform.id}-{i:05d}",
                    "email": f"membre{platform.id}-{i:05d}@example.org",
                    "zip": "62000",
                    "company_id": platform.id,
                }
                for i in range(len(members))
            ],
        )
    return platforms


def generate_ours(env, size="smoke", seed=42):
    """What only our addons hold, on the ours side after their install: every
    generated member subscribed one share (a confirmed register entry, so a
    member number, a state and a card barcode)."""
    start = time.monotonic()
    # No chatter tracking of 20,000 state changes: it measures nothing here.
    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
    share_class = env["coop.share.class"].create(
        {"code": "BENCH", "name": "Bench consumers", "nominal_value": 10}
    )
    members = env["res.partner"].search(
        [("name", "like", "Membre "), ("company_id", "in", [False, env.company.id])],
        order="id",
    )
    _bench_register(env, members, share_class)
    tiers = _bench_tiers(env)
    platforms = env["res.company"].search(
        [("name", "=like", PLATFORM_NAME.replace("%d", "%"))], order="id"
    )
    for platform in platforms:
        _bench_platform_ours(env, platform, size, seed)
    # coop_wallet's prepaid account replaces the vanilla side's eWallet.
    env["loyalty.program"].search([("name", "=", WALLET_NAME)]).active = False
    # The bench member shops at a discounted tier; members spread over tiers.
    member = env["res.users"].search([("login", "=", MEMBER_LOGIN)]).partner_id
    member.write(
        {"coop_price_tier_id": tiers[1].id, "coop_tier_valid_until": "2099-12-31"}
    )
    entries = _bench_fund_entries(
        env, members, tiers, SIZES[size]["fund_entries"], seed
    )
    cycle = _bench_cycle(env, SIZES[size]["cycle_products"])
    # The farms of the pooling bench are producers (coop_producers).
    env["res.partner"].search(
        [("name", "=like", "Ferme %")], order="name", limit=SIZES[size]["pooling"][1]
    ).coop_is_producer = True
    return {
        "register_movements": env["coop.share.movement"].search_count([]),
        "platforms": len(platforms),
        "tiers": len(tiers),
        "fund_entries": entries,
        "cycle_products": len(cycle.line_ids),
        "seconds": round(time.monotonic() - start),
    }


def _bench_register(env, members, share_class):
    """Every member in ``members`` subscribes one share (confirmed)."""
    Movement = env["coop.share.movement"]
    for batch in batched(members.ids):
        movements = Movement.create(
            [
                {
                    "partner_id": partner_id,
                    "share_class_id": share_class.id,
                    "type": "subscription",
                    "quantity": 1,
                }
                for partner_id in batch
            ]
        )
        movements._confirm()
        env.flush_all()
        env.invalidate_all()


def _bench_platform_ours(env, platform, size, seed):
    """Another platform of the network: its register (numbered from 1), its
    one price for all, its fund and its own open cycle on its website."""
    env = env(context=dict(env.context, allowed_company_ids=platform.ids))
    share_class = env["coop.share.class"].create(
        {
            "code": "BENCH",
            "name": "Bench consumers",
            "nominal_value": 10,
            "company_id": platform.id,
        }
    )
    members = env["res.partner"].search(
        [("name", "like", "Membre "), ("company_id", "=", platform.id)], order="id"
    )
    _bench_register(env, members, share_class)
    reference = env["coop.price.tier"].create(
        {
            "name": "Reference",
            "display_label": "Prix unique",
            "is_reference": True,
            "company_id": platform.id,
        }
    )
    _bench_fund_entries(
        env, members, [reference, reference], SIZES[size]["fund_entries"], seed
    )
    cycle = _bench_cycle(env, SIZES[size]["cycle_products"])
    cycle.website_id = env["website"].search([("company_id", "=", platform.id)])


def _bench_cycle(env, count):
    """An open order cycle offering ``count`` products: the shop of our side
    lists these only (the website follows order cycles, members only)."""
    now = fields.Datetime.now()
    products = env["product.product"].search(
        [("name", "like", " bench ")], order="id", limit=count
    )
    cycle = env["coop.order.cycle"].create(
        {
            "name": "Cycle bench",
            "open_datetime": now - timedelta(days=1),
            "close_datetime": now + timedelta(days=3650),
            "pickup_date_from": fields.Date.today(),
            "pickup_date_to": fields.Date.today(),
            "line_ids": [Command.create({"product_id": p.id}) for p in products],
        }
    )
    cycle.action_open()
    env["website"].search([]).coop_cycle_shop = True
    return cycle


def _bench_tiers(env):
    """Four tiers as in the demo: −60 %, −40 %, reference, supportive +10 %."""
    Tier = env["coop.price.tier"]
    reference = Tier._get_reference_tier() or Tier.create(
        {"name": "Reference", "display_label": "Price C", "is_reference": True}
    )
    return (
        Tier.create(
            [
                {
                    "name": "−60 %",
                    "display_label": "Price A",
                    "price_change": -60,
                    "rounding": 0.05,
                    "monthly_cap": 60,
                },
                {
                    "name": "−40 %",
                    "display_label": "Price B",
                    "price_change": -40,
                    "rounding": 0.05,
                    "monthly_cap": 80,
                },
            ]
        )
        | reference
        | Tier.create({"name": "+10 %", "display_label": "Price D", "price_change": 10})
    )


def _bench_fund_entries(env, members, tiers, count, seed):
    """A fund ledger of ``count`` sales entries spread over a year (SQL
    insert: the ORM would take minutes and measures nothing here)."""
    rng = random.Random(seed)
    company = env.company.id
    rows = []
    for i in range(count):
        rows.append(
            (
                f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"Vente bench {i}",
                "sale",
                company,
                members[i % len(members)].id,
                tiers[i % 2].id,
                1.0,
                -round(rng.uniform(0.2, 6.0), 2),
            )
        )
    for batch in batched(rows, 10000):
        env.cr.execute(
            "INSERT INTO coop_solidarity_entry (date, name, entry_type,"
            " company_id, partner_id, tier_id, quantity, amount)"
            " VALUES " + ",".join(["%s"] * len(batch)),
            batch,
        )
    return count


def _pos_config(env, member_pricelist, pos_category):
    """A till with a cash method and an open session, as at opening time.

    It is set up as a coop would set up vanilla Odoo's till for what our
    addons bring to it, so that both sides load the same kinds of records: the
    members' pricelist is offered at the till (ours: the tiers' pricelists),
    and the members' prepaid account is an eWallet with its top-up product
    (ours: coop_wallet's)."""
    journal = env["account.journal"].create(
        {"name": "Caisse bench", "type": "cash", "code": "BNCH"}
    )
    cash = env["pos.payment.method"].create(
        {"name": "Espèces bench", "journal_id": journal.id}
    )
    default_pricelist = env["product.pricelist"].search(
        [("company_id", "in", [False, env.company.id])], limit=1
    )
    pricelists = default_pricelist | member_pricelist
    config = env["pos.config"].create(
        {
            "name": "Caisse bench",
            "payment_method_ids": [Command.set(cash.ids)],
            "use_pricelist": True,
            "pricelist_id": pricelists[0].id,
            "available_pricelist_ids": [Command.set(pricelists.ids)],
        }
    )
    top_up = env["product.product"].create(
        {
            "name": "Recharge porte-monnaie 10 €",
            "type": "service",
            "list_price": 10.0,
            "taxes_id": [Command.clear()],
            "available_in_pos": True,
            "pos_categ_ids": [Command.set(pos_category.ids)],
        }
    )
    env["loyalty.program"].create(
        {
            "name": WALLET_NAME,
            "program_type": "ewallet",
            "trigger": "auto",
            "applies_on": "future",
            "rule_ids": [
                Command.create(
                    {
                        "reward_point_amount": 1,
                        "reward_point_mode": "money",
                        "reward_point_split": False,
                        "product_ids": [Command.set(top_up.ids)],
                    }
                )
            ],
            "reward_ids": [
                Command.create(
                    {
                        "reward_type": "discount",
                        "discount_mode": "per_point",
                        "discount": 1,
                        "discount_applicability": "order",
                        "required_points": 1,
                    }
                )
            ],
        }
    )
    # Opened by the administrator, as a manager opens the till (the superuser
    # has no POS group).
    config.with_user(env.ref("base.user_admin")).open_ui()
    return config


def pos_orders_payload(env, config, count, seed=7):
    """Orders as the POS front end sends them to ``pos.order.sync_from_ui``."""
    rng = random.Random(seed)
    session = config.current_session_id
    cash = config.payment_method_ids[:1]
    products = env["product.product"].search(
        [("available_in_pos", "=", True), ("name", "like", "bench")],
        limit=200,
        order="id",
    )
    partners = env["res.partner"].search([("name", "like", "Membre ")], limit=100)
    now = fields.Datetime.to_string(fields.Datetime.now())
    orders = []
    for number in range(count):
        lines = []
        for _line in range(rng.randint(1, 6)):
            product = rng.choice(products)
            qty = rng.randint(1, 3)
            lines.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "qty": qty,
                        "price_unit": product.lst_price,
                        "price_subtotal": product.lst_price * qty,
                        "price_subtotal_incl": product.lst_price * qty,
                        "tax_ids": [],
                        "pack_lot_ids": [],
                        "discount": 0.0,
                    }
                )
            )
        total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
        uuid = f"00000000-bench-{seed:04d}-{number:012d}"
        orders.append(
            {
                "uuid": uuid,
                "name": f"Order {uuid}",
                "session_id": session.id,
                "sequence_number": number + 1,
                "user_id": env.uid,
                "partner_id": rng.choice(partners).id if partners else False,
                "pricelist_id": config.pricelist_id.id,
                "fiscal_position_id": False,
                "date_order": now,
                "lines": lines,
                "payment_ids": [
                    Command.create(
                        {"amount": total, "name": now, "payment_method_id": cash.id}
                    )
                ],
                "amount_paid": total,
                "amount_total": total,
                "amount_tax": 0.0,
                "amount_return": 0.0,
                "state": "paid",
                "to_invoice": False,
                "last_order_preparation_change": "{}",
            }
        )
    return orders


def pooling_demand(env, size, seed=11):
    """The order lines of a cycle, the same on both sides: ``lines`` lines
    over ten products of each of the first ``producers`` farms (their
    supplier info line is their offer, without limit) and ``destinations``
    pickup points."""
    lines, producer_count, destination_count = SIZES[size]["pooling"]
    producers = env["res.partner"].search(
        [("name", "=like", "Ferme %")], order="name", limit=producer_count
    )
    infos = env["product.supplierinfo"].search(
        [("partner_id", "in", producers.ids)], order="id"
    )
    per_producer = {}
    for info in infos:
        per_producer.setdefault(info.partner_id.id, [])
        if len(per_producer[info.partner_id.id]) < 10:
            per_producer[info.partner_id.id].append(
                (info.product_tmpl_id.product_variant_id.id, info.price)
            )
    offers = [
        (producer_id, product_id, price)
        for producer_id, products in sorted(per_producer.items())
        for product_id, price in products
    ]
    rng = random.Random(seed)
    demand = [
        {
            "product_id": rng.choice(offers)[1],
            "quantity": rng.randint(1, 3),
            "destination": f"Point {rng.randrange(destination_count):02d}",
        }
        for _line in range(lines)
    ]
    return demand, offers
