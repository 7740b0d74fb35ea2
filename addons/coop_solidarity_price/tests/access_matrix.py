"""Role matrix of coop_solidarity_price (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). Tiers are
defined by members managers and read by officers and members users; the
evidence of a tier decision is read by solidarity officers only; the fund is
the managers'. Cashiers, producers and members see none of it (the till gets
the neutral label and the allowance through computed partner fields).
"""

from odoo.addons.coop_members.tests import reach

ROLE_GROUPS = {
    "solidarity_officer": ["coop_solidarity_price.group_solidarity_officer"],
}

MODEL_ACCESS = {
    "product.pricelist": {
        "public": "r",
        "portal_member": "r",
        "pos_cashier": "r",
        "producer": "r",
        "members_user": "r",
        "members_manager": "r",
        "solidarity_officer": "r",
        "logistics_staff": "r",
        "marketplace_manager": "r",
        "pickup_volunteer": "r",
        "network_coordinator": "r",
        "administrator": "rwcu",
    },
    "coop.price.tier": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "",
        "producer": "",
        "members_user": "r",
        "members_manager": "rwcu",
        "solidarity_officer": "r",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwcu",
    },
    # Sales entries can't be changed or deleted (checked in test_fund_and_cap).
    "coop.solidarity.entry": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "",
        "producer": "",
        "members_user": "",
        "members_manager": "rwcu",
        "solidarity_officer": "",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwcu",
    },
    # Not even the administrator: evidence is for the officers' eyes only.
    "coop.tier.evidence": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "",
        "producer": "",
        "members_user": "",
        "members_manager": "",
        "solidarity_officer": "rwcu",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "",
    },
    "coop.tier.assign.wizard": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "",
        "producer": "",
        "members_user": "",
        "members_manager": "",
        "solidarity_officer": "rwcu",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "",
    },
    # Extended for the fund settings: rights are Odoo's.
    "res.company": {
        "public": "r",
        "portal_member": "r",
        "pos_cashier": "r",
        "producer": "r",
        "members_user": "r",
        "members_manager": "r",
        "solidarity_officer": "r",
        "logistics_staff": "r",
        "marketplace_manager": "r",
        "pickup_volunteer": "r",
        "network_coordinator": "r",
        "administrator": "rwcu",
    },
}

RECORD_ACCESS = []
OWN_RECORD = {}
PORTAL_ROUTES = []


def company_tier(env, company):
    return env["coop.price.tier"].create(
        {
            "name": "Matrix reference",
            "display_label": "Prix",
            "is_reference": True,
            "company_id": company.id,
        }
    )


def company_fund_entry(env, company):
    return env["coop.solidarity.entry"].create(
        {
            "name": "Matrix donation",
            "entry_type": "donation",
            "amount": 5.0,
            "company_id": company.id,
        }
    )


# The company axis (tests/test_role_matrix.py): another company's records.
COMPANY_RECORD = {
    "coop.price.tier": company_tier,
    "coop.solidarity.entry": company_fund_entry,
}


# The fund and the tiers are the coop's staff's (and the officer's
# evidence nobody's among the demo logins).
REACH = {
    # What a member declared for her tier: the solidarity officers' only (no
    # demo login is one).
    "coop.tier.evidence": {},
    "coop.solidarity.entry": {"gerante": reach.of_companies()},
    "coop.price.tier": {"gerante": reach.of_companies()},
}
