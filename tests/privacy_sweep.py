"""The privacy sweep: what each demo login can actually read, compared with
what the role matrix declares (the ``REACH`` tables of each addon's
``tests/access_matrix.py``, built from ``coop_members/tests/reach.py``).

Read as Odoo's RPC reads it (``search`` with the user's rights and every
company she is given ticked, archived records included): posting a message,
following, a contact without a company, all count. Used after every step of
the journey simulator (tests/journeys.py) and on the demo as built."""

import functools
import importlib
from pathlib import Path

from odoo.osv import expression

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent.name for p in (ROOT / "addons").glob("*/__manifest__.py"))

# The demo's logins, one per role a person plays.
DEMO_LOGINS = [
    "membre",
    "arras",
    "coursier",
    "caisse",
    "caisse-arras",
    "producteur",
    "productrice",
    "coordination",
    "gerante",
]
PORTAL_LOGINS = ["membre", "arras", "coursier"]

# Models a portal login may read records of without any declaration: the
# shop's catalogue and Odoo's settings the website shows.
PUBLIC_MODELS = {
    "account.fiscal.position",
    # The 14 regulated allergens (coop_product_info): the product page's.
    "allergen.allergen",
    "account.payment.term",
    "coop.order.cycle",
    "coop.order.cycle.line",
    "coop.pickup.point",
    "coop.slot",
    "coop.share.class",
    "mail.message.subtype",
    "payment.method",
    "product.attribute",
    "product.category",
    "product.pricelist",
    "product.pricelist.item",
    "product.product",
    "product.template",
    "res.company",
    "res.country",
    "res.country.group",
    "res.country.state",
    "res.currency",
    "res.lang",
    "res.users",
    "website",
    "website.base.unit",
    "website.menu",
}


@functools.cache
def load_reach():
    """{model: {login: [reach functions]}}, the union of the addons'."""
    reach = {}
    for addon in ADDONS:
        try:
            table = importlib.import_module(f"odoo.addons.{addon}.tests.access_matrix")
        except ModuleNotFoundError:
            continue
        for model, by_login in getattr(table, "REACH", {}).items():
            # A model declared with no login is swept too: nobody may read it.
            reach.setdefault(model, {})
            for login, function in by_login.items():
                reach.setdefault(model, {}).setdefault(login, []).append(function)
    return reach


def demo_users(env, logins=DEMO_LOGINS):
    users = (
        env["res.users"]
        .with_context(active_test=False)
        .search([("login", "in", logins)])
    )
    return {user.login: user for user in users}


def as_rpc(env, user):
    """``user``'s environment as the web client calls RPC: every company
    she is given ticked."""
    return env(
        user=user,
        context={
            "lang": user.lang,
            "tz": user.tz,
            "allowed_company_ids": user.company_ids.ids,
            "active_test": False,
        },
    )


def readable(env, user, model):
    """What ``user`` reads of ``model`` (nothing when refused)."""
    records = as_rpc(env, user)[model]
    if not records.has_access("read"):
        return env[model].browse()
    return records.search([])


def allowed(env, user, model, reach):
    """What ``user`` may read of ``model``, as the tables declare it."""
    if model == "mail.message":
        return allowed_messages(env, user, reach)
    functions = reach.get(model, {}).get(user.login)
    if not functions:
        return env[model].browse()
    domain = expression.OR([function(env, user) for function in functions])
    return env[model].sudo().with_context(active_test=False).search(domain)


def allowed_messages(env, user, reach):
    """Messages a login may read: its own (written or received), those on
    the public catalogue, and those on the records it may read of the
    swept models. A message never gives access to its document: a message
    on a document outside the login's reach is a leak."""
    Message = env["mail.message"].sudo().with_context(active_test=False)
    domain = [
        "|",
        "|",
        "|",
        ("author_id", "=", user.partner_id.id),
        ("partner_ids", "in", user.partner_id.ids),
        ("model", "in", sorted(PUBLIC_MODELS)),
        ("model", "not in", sorted(reach)),
    ]
    for model in sorted(reach):
        if model in env and model != "mail.message":
            records = allowed(env, user, model, reach)
            domain = expression.OR(
                [domain, [("model", "=", model), ("res_id", "in", records.ids)]]
            )
    return Message.search(domain)


def privacy_problems(
    env, models=None, logins=DEMO_LOGINS, messages=True, every_model=False
):
    """What a demo login reads beyond its declared reach: a list of
    ``"login reads model(ids): names"``. ``models``: those to sweep
    (default: every model a table declares); ``messages``: the messages
    too; ``every_model``: also every other model of the database for the
    portal logins (only the public catalogue may be read without a
    declaration)."""
    reach = load_reach()
    users = demo_users(env, logins)
    problems = []
    for login, user in users.items():
        names = set(models or reach) | ({"mail.message"} if messages else set())
        if every_model and login in PORTAL_LOGINS:
            names |= {
                name
                for name, model in env.registry.items()
                if not model._abstract
                and not model._transient
                and model._auto
                and name not in PUBLIC_MODELS
            }
        for model in sorted(names):
            if model not in env:
                continue
            leak = readable(env, user, model) - allowed(env, user, model, reach)
            if leak:
                sample = ", ".join(
                    str(n) for n in leak[:5].sudo().mapped("display_name")
                )
                problems.append(
                    f"{login} reads {model}({', '.join(map(str, leak.ids[:10]))}"
                    f"{'…' if len(leak) > 10 else ''}): {sample}"
                )
    return problems
