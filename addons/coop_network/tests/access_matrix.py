"""Role matrix of coop_network (checked by tests/test_role_matrix.py).

The network's figures are sums: the coordinator and the members managers
(each platform's staff) read them, nobody writes them (SQL views). The
coordinator reads nothing personal: no member, register line, order or tier
evidence (the other addons' tables, and test_network_report).
"""

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
