"""Role matrix of coop_network (checked by tests/test_role_matrix.py).

The network's figures are sums: the coordinator and the members managers
(each platform's staff) read them, nobody writes them (SQL views). The
coordinator reads nothing personal: no member, register line, order or tier
evidence (the other addons' tables, and test_network_report).
"""

from odoo.addons.coop_members.tests import reach
from odoo.addons.coop_producers.tests import access_matrix as producers_matrix

ROLE_GROUPS = {
    "network_coordinator": ["coop_network.group_network_coordinator"],
}

rights = producers_matrix.rights

FIGURES = rights(members_manager="r", network_coordinator="r", administrator="r")

MODEL_ACCESS = {
    "coop.network.report": FIGURES,
    "coop.network.producer.report": FIGURES,
}


def company_figures(env, company):
    """A month of figures of ``company`` (a donation to its fund)."""
    env["coop.solidarity.entry"].create(
        {
            "name": "Don",
            "entry_type": "donation",
            "amount": 10.0,
            "company_id": company.id,
        }
    )
    env.flush_all()
    return env["coop.network.report"].search([("company_id", "=", company.id)])


RECORD_ACCESS = []
OWN_RECORD = {}
PORTAL_ROUTES = []
# The company axis: another company's records, for every role reading them.
COMPANY_RECORD = {"coop.network.report": company_figures}


def member_contacts(env, user):
    """The contacts a coop's staff reads (the rule
    res_partner_rule_coop_member_company): anyone holding no share, its own
    coop's members, its customers, producers, herself."""
    companies = user.company_ids.ids
    return [
        "|",
        "|",
        "|",
        "|",
        "|",
        "|",
        (
            "commercial_partner_id.coop_share_ids",
            "not any",
            [("state", "=", "confirmed")],
        ),
        (
            "commercial_partner_id.coop_share_ids",
            "any",
            [("state", "=", "confirmed"), ("company_id", "in", companies)],
        ),
        ("commercial_partner_id.coop_is_producer", "=", True),
        ("id", "=", user.partner_id.id),
        ("commercial_partner_id.sale_order_ids.company_id", "in", companies),
        ("commercial_partner_id.pos_order_ids.company_id", "in", companies),
        ("commercial_partner_id.invoice_ids.company_id", "in", companies),
    ]


STAFF = ("caisse", "caisse-arras", "gerante", "producteur", "productrice")
INTERNAL = (*STAFF, "coordination")
REACH = {
    "res.partner": {
        login: member_contacts for login in ("caisse", "caisse-arras", "gerante")
    },
    # Who follows a document, who was notified: contacts the login reads.
    "mail.followers": {
        login: reach.partners_in("partner_id", member_contacts) for login in INTERNAL
    },
    "mail.notification": {
        login: reach.partners_in("res_partner_id", member_contacts)
        for login in INTERNAL
    },
}
