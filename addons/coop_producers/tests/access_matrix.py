"""Role matrix of coop_producers (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). Producers
(Producer group) manage products, read stock, purchase orders and vendor
bills, all confined by record rules to their own producer's records (see
RECORD_ACCESS and tests/test_producer_access.py); logistics staff manage every
producer. Stock is never written by producers directly: the stock wizard
checks ownership and applies the adjustment itself.
"""

from odoo.addons.coop_members.tests import reach

ROLE_GROUPS = {
    "producer": ["coop_producers.group_coop_producer"],
    "logistics_staff": ["coop_producers.group_coop_logistics"],
}

ROLES = [
    "public",
    "portal_member",
    "pos_cashier",
    "producer",
    "members_user",
    "members_manager",
    "solidarity_officer",
    "logistics_staff",
    "marketplace_manager",
    "pickup_volunteer",
    "network_coordinator",
    "administrator",
]


# marketplace_manager (coop_marketplace's manager group) implies logistics
# staff, so it has their rights here; pickup_volunteer is an internal user.


def rights(**given):
    return {role: given.get(role, "") for role in ROLES}


# Purchase orders and their lines: producers read their own (record rule),
# members their own through the portal, logistics staff buy.
PURCHASE_RIGHTS = rights(
    portal_member="r",
    producer="r",
    members_manager="rw",
    logistics_staff="rwcu",
    marketplace_manager="rwcu",
    administrator="rwcu",
)

# Logistics staff (and so marketplace managers) run it; nobody else sees it.
LOGISTICS_ONLY = rights(
    logistics_staff="rwcu", marketplace_manager="rwcu", administrator="rwcu"
)

EVERYONE_READS = rights(
    public="r",
    portal_member="r",
    pos_cashier="r",
    producer="r",
    members_user="r",
    members_manager="r",
    solidarity_officer="r",
    logistics_staff="r",
    marketplace_manager="r",
    pickup_volunteer="r",
    network_coordinator="r",
    administrator="rwcu",
)

MODEL_ACCESS = {
    # The catalogue is public (shop, till); producers and logistics staff
    # manage it, producers only their own products (RECORD_ACCESS).
    "product.template": {
        **EVERYONE_READS,
        "producer": "rwcu",
        "logistics_staff": "rwcu",
        "marketplace_manager": "rwcu",
        "pickup_volunteer": "r",
    },
    # Extended for the commission override: rights are Odoo's.
    "product.category": EVERYONE_READS,
    "res.users": EVERYONE_READS,
    "coop.producer.label": rights(
        pos_cashier="r",
        producer="r",
        members_user="r",
        members_manager="r",
        solidarity_officer="r",
        logistics_staff="rwcu",
        marketplace_manager="rwcu",
        pickup_volunteer="r",
        network_coordinator="r",
        administrator="rwcu",
    ),
    "coop.producer.stock.wizard": rights(
        producer="rwc",
        logistics_staff="rwc",
        marketplace_manager="rwc",
        administrator="rwc",
    ),
    # Statements: prepared by logistics staff, read by their producer once
    # issued (record rules, tests/test_producer_statement.py).
    # Members managers hold billing rights: they may issue (and so write).
    "coop.producer.statement": rights(
        producer="r",
        members_manager="rw",
        logistics_staff="rwcu",
        marketplace_manager="rwcu",
        administrator="rwcu",
    ),
    "coop.producer.statement.line": rights(
        producer="r",
        members_manager="r",
        logistics_staff="rwcu",
        marketplace_manager="rwcu",
        administrator="rwcu",
    ),
    "coop.producer.statement.wizard": rights(
        logistics_staff="rwc", marketplace_manager="rwc", administrator="rwc"
    ),
    # Extended (statement lines, round batches): rights are Odoo's.
    "stock.move": rights(
        pos_cashier="rwcu",
        members_manager="rwc",
        logistics_staff="rwc",
        marketplace_manager="rwc",
        administrator="rwcu",
    ),
    "stock.picking.batch": LOGISTICS_ONLY,
    # Pooling is the logistics staff's; producers see its result, their own
    # purchase orders (record rule, tests/test_pooling.py).
    "coop.pooling": LOGISTICS_ONLY,
    "coop.pooling.demand": LOGISTICS_ONLY,
    "coop.pooling.offer": LOGISTICS_ONLY,
    "coop.pooling.allocation": LOGISTICS_ONLY,
    "coop.pooling.shortage": LOGISTICS_ONLY,
    # Rounds are planned by logistics staff; producers read the rounds and
    # stops at their farm (record rules, tests/test_collection_round.py).
    "coop.collection.round": {**LOGISTICS_ONLY, "producer": "r"},
    "coop.collection.stop": {**LOGISTICS_ONLY, "producer": "r"},
    # Extended for the pooling link.
    "purchase.order": PURCHASE_RIGHTS,
    # Extended for the VAT of a producer's line (her regime): as the orders.
    "purchase.order.line": PURCHASE_RIGHTS,
    # Offers (coop_offer_qty): logistics staff set them; producers read their
    # own only (record rule).
    "product.supplierinfo": {
        **EVERYONE_READS,
        "public": "",
        "portal_member": "",
        "logistics_staff": "rwcu",
        "marketplace_manager": "rwcu",
        "pickup_volunteer": "r",
    },
}


def producer_product(env, partner):
    """A product of ``partner`` as a producer (its users work for it)."""
    partner.coop_is_producer = True
    partner.user_ids.coop_producer_id = partner
    return env["product.template"].create(
        {"name": f"Produit de {partner.name}", "coop_producer_id": partner.id}
    )


RECORD_ACCESS = [
    {"model": "product.template", "role": "producer", "own": "rwu", "other": ""},
]
OWN_RECORD = {"product.template": producer_product}
PORTAL_ROUTES = []


def company_statement(env, company):
    return env["coop.producer.statement"].create(
        {
            "producer_id": env["res.partner"]
            .create({"name": "Matrix farm", "coop_is_producer": True})
            .id,
            "date_from": "2030-01-01",
            "date_to": "2030-01-31",
            "company_id": company.id,
        }
    )


# The company axis (tests/test_role_matrix.py): another company's records.
COMPANY_RECORD = {"coop.producer.statement": company_statement}


def farm(field="partner_id"):
    """What concerns the producer user's own farm."""

    def farm_reach(env, user):
        path = (
            "commercial_partner_id"
            if field == "id"
            else f"{field}.commercial_partner_id"
        )
        return [(f"{path}.coop_producer_user_ids", "in", user.ids)]

    return farm_reach


PRODUCERS = ("producteur", "productrice")
# A producer reads her farm's purchase orders, receipts, statements and
# bills, and her colleagues' contacts; nothing of the members.
REACH = {
    "res.partner": {
        login: reach.any_of(reach.internal_contacts, farm("id")) for login in PRODUCERS
    },
    "purchase.order": {login: farm() for login in PRODUCERS}
    | {"gerante": reach.of_companies()},
    "purchase.order.line": {login: farm() for login in PRODUCERS}
    | {"gerante": reach.of_companies()},
    "coop.producer.statement": {login: farm("producer_id") for login in PRODUCERS}
    | {"gerante": reach.of_companies()},
    "account.move": {login: farm() for login in PRODUCERS},
    "account.move.line": {login: farm() for login in PRODUCERS},
    "stock.picking": {login: farm() for login in PRODUCERS},
}
