"""Role matrix of coop_marketplace (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). Members
see their own orders in the portal and nobody else's, by record rule and on
every /my route (IDOR test).

Cycles, their offered products, pickup points and slots are the shop's
catalogue: everyone reads them (visitors and members on the website, staff),
only marketplace managers (the administrator here) change them. Slots are
booked through ``sale.order._coop_set_pickup_slot``, never written by
members. Weekly slot templates are staff-only. Marketplace managers run all this
(and, as salespeople and logistics staff, orders and purchases); pickup
volunteers read the offer and the orders to hand over, nothing of members'
shares or solidarity tiers.
"""

from odoo import Command

from odoo.addons.coop_members.tests import reach
from odoo.addons.coop_producers.tests import access_matrix as producers_matrix

ROLE_GROUPS = {
    "marketplace_manager": ["coop_marketplace.group_coop_marketplace_manager"],
    "pickup_volunteer": ["coop_marketplace.group_coop_pickup_volunteer"],
}

# The same roles as coop_producers (a dependency): one list to keep.
ROLES = producers_matrix.ROLES
rights = producers_matrix.rights


SHOP_CATALOGUE = {
    **{role: "r" for role in ROLES},
    "marketplace_manager": "rwcu",
    "administrator": "rwcu",
}

MODEL_ACCESS = {
    # Extended (checkout, shop, pay at pickup, distribution): Odoo's rights.
    "delivery.carrier": rights(
        members_manager="r",
        logistics_staff="r",
        marketplace_manager="r",
        administrator="rwcu",
    ),
    "payment.provider": rights(administrator="rwcu"),
    "payment.transaction": rights(members_manager="rwc", administrator="rwcu"),
    "product.product": {
        **{role: "r" for role in ROLES},
        "producer": "rwcu",
        "logistics_staff": "rwcu",
        "marketplace_manager": "rwcu",
        "pickup_volunteer": "r",
        "administrator": "rwcu",
    },
    "website": {**{role: "r" for role in ROLES}, "administrator": "rwcu"},
    "coop.order.cycle": SHOP_CATALOGUE,
    "coop.order.cycle.line": SHOP_CATALOGUE,
    # Members' subscriptions, run by the marketplace's managers.
    "coop.standing.order": rights(
        logistics_staff="r", marketplace_manager="rwcu", administrator="rwcu"
    ),
    # Counts for the farms' planning: read only, a producer its own.
    "coop.standing.demand": rights(
        producer="r",
        logistics_staff="r",
        marketplace_manager="r",
        administrator="r",
    ),
    # The coordinator's decision at the close: staff only.
    "coop.order.cycle.minimum": rights(
        logistics_staff="r", marketplace_manager="rwcu", administrator="rwcu"
    ),
    "coop.pickup.point": SHOP_CATALOGUE,
    "coop.slot": SHOP_CATALOGUE,
    # Money given back for a close's shortages: marketplace managers and
    # salespeople (the order's salesperson gets the to-do); never deleted.
    "coop.order.refund": rights(marketplace_manager="rwc", administrator="rwc"),
    # The weighing dialog of Pickup day (a wizard: no unlink).
    "coop.weighing": rights(
        pickup_volunteer="rwc", marketplace_manager="rwc", administrator="rwc"
    ),
    "coop.weighing.line": rights(
        pickup_volunteer="rwc", marketplace_manager="rwc", administrator="rwc"
    ),
    "coop.slot.template": rights(
        logistics_staff="r",
        marketplace_manager="rwcu",
        pickup_volunteer="r",
        administrator="rwcu",
    ),
    "sale.order": {
        "public": "",
        "portal_member": "r",
        "pos_cashier": "",
        "producer": "",
        "members_user": "",
        # Invoicing rights (to invoice share subscriptions) open sale orders.
        "members_manager": "rw",
        "solidarity_officer": "",
        # Stock users (logistics staff) handle the orders' deliveries.
        "logistics_staff": "rw",
        "marketplace_manager": "rwc",
        "pickup_volunteer": "r",
        "network_coordinator": "",
        "administrator": "rwcu",
    },
}
# Extended with the stored cycle of the order (grouped ordered quantities):
# rights are those of the orders, but salespeople (the marketplace manager)
# may delete lines of their quotations (Odoo's rights).
MODEL_ACCESS["sale.order.line"] = {
    **MODEL_ACCESS["sale.order"],
    "marketplace_manager": "rwcu",
}


def member_order(env, partner):
    """A quotation of ``partner``, who follows it as the shop does."""
    product = env["product.product"].create({"name": "Matrix basket", "list_price": 12})
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [Command.create({"product_id": product.id})],
        }
    )
    order.message_subscribe(partner_ids=partner.ids)
    return order


RECORD_ACCESS = [
    {"model": "sale.order", "role": "portal_member", "own": "r", "other": ""},
    # Volunteers read only the orders to hand over (with a pickup slot): an
    # order without one is hidden, even their own (orders with a slot:
    # test_cycle_close.py, test_marketplace_access.py).
    {"model": "sale.order", "role": "pickup_volunteer", "own": "", "other": ""},
]
OWN_RECORD = {"sale.order": member_order}
PORTAL_ROUTES = [
    {"path": "/my/orders/{id}", "model": "sale.order"},
]


def company_cycle(env, company):
    return env["coop.order.cycle"].create(
        {
            "name": "Matrix cycle",
            "open_datetime": "2030-01-01 08:00:00",
            "close_datetime": "2030-01-03 20:00:00",
            "pickup_date_from": "2030-01-04",
            "pickup_date_to": "2030-01-05",
            "company_id": company.id,
        }
    )


def company_point(env, company):
    return env["coop.pickup.point"].create(
        {
            "name": "Matrix point",
            "partner_id": env["res.partner"].create({"name": "Matrix hall"}).id,
            "company_id": company.id,
        }
    )


def company_slot(env, company):
    return env["coop.slot"].create(
        {
            "point_id": company_point(env, company).id,
            "cycle_id": company_cycle(env, company).id,
            "start_datetime": "2030-01-04 16:00:00",
            "end_datetime": "2030-01-04 18:00:00",
            "capacity": 3,
        }
    )


# The company axis (tests/test_role_matrix.py): another company's records.
COMPANY_RECORD = {
    "coop.order.cycle": company_cycle,
    "coop.pickup.point": company_point,
    "coop.slot": company_slot,
}

# What each demo login may read at most (tests/privacy_sweep.py): members
# their own orders; the till's volunteer (Pickup day) and the manager their
# coop's; a courier, another coop's cashier, producers nothing of them.
REACH = {
    "sale.order": {"membre": reach.own(), "arras": reach.own()}
    | {login: reach.of_companies() for login in ("caisse", "gerante")},
    "sale.order.line": {
        "membre": reach.own("order_partner_id"),
        "arras": reach.own("order_partner_id"),
    }
    | {login: reach.of_companies() for login in ("caisse", "gerante")},
    "stock.picking": {"membre": reach.own(), "arras": reach.own()}
    | {login: reach.of_companies() for login in ("caisse", "caisse-arras", "gerante")},
    "stock.move": {
        login: reach.of_companies() for login in ("caisse", "caisse-arras", "gerante")
    },
    "payment.transaction": {"gerante": reach.of_companies()},
    "coop.order.refund": {"gerante": reach.of_companies()},
    "coop.standing.order": {"gerante": reach.of_companies()},
}
