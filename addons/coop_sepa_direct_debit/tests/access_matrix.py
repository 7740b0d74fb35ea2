"""Role matrix of coop_sepa_direct_debit (checked by tests/test_role_matrix.py).

The members' bank details and SEPA mandates: the accounts and the members
office read them all; every other login reads its own and its coop's bank
accounts only (security/ir_rule.xml), never a member's IBAN or mandate.
Members read none by RPC.
"""

from odoo.addons.coop_members.tests import reach
from odoo.addons.coop_producers.tests.access_matrix import ROLES, rights

# Every role of the matrix but the public and the portal's members.
INTERNAL = tuple(role for role in ROLES if role not in ("public", "portal_member"))

MODEL_ACCESS = {
    # OCA's rights: every internal user reads mandates (record rules confine
    # them, REACH below); the payment group manages them.
    "account.banking.mandate": rights(
        **{role: "r" for role in INTERNAL if role != "administrator"},
        administrator="rwcu",
    ),
    # Debit orders: the payment group's (OCA's rights, unchanged).
    "account.payment.order": rights(administrator="rwcu"),
    # Returns: whoever invoices (OCA's rights: the members office does).
    "payment.return": rights(members_manager="rwcu", administrator="rwcu"),
}


def own_or_coops_bank(env, user):
    return [
        "|",
        ("partner_id", "child_of", user.commercial_partner_id.id),
        ("partner_id", "in", user.company_ids.partner_id.ids),
    ]


STAFF = ("caisse", "caisse-arras", "producteur", "productrice", "coordination")

REACH = {
    "res.partner.bank": {
        "gerante": reach.everything,
        **{login: own_or_coops_bank for login in STAFF},
    },
    "account.banking.mandate": {
        "gerante": reach.everything,
        **{login: reach.own() for login in STAFF},
    },
}
