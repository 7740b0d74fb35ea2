"""Role matrix of coop_members_website (checked by tests/test_role_matrix.py).

Applications and the statutes' versions are the members staff's: members
users read them, managers decide (approve, refuse: the refusal wizard is
theirs only). Candidates never read them over RPC: the website shows each
her own application through its access token, and serves the current
documents of its own coop."""

from odoo.addons.coop_members.tests import reach
from odoo.addons.coop_members.tests.access_matrix import MANAGERS_ONLY

MEMBERS_STAFF = {
    **MANAGERS_ONLY,
    "members_user": "r",
    "members_manager": "rwc",
    "administrator": "rwc",
}

MODEL_ACCESS = {
    "coop.membership.application": MEMBERS_STAFF,
    "coop.membership.document": {**MEMBERS_STAFF, "members_manager": "rwcu"}
    | {"administrator": "rwcu"},
    "coop.application.refuse.wizard": MANAGERS_ONLY,
}

RECORD_ACCESS = []
OWN_RECORD = {}
# /devenir-membre/suivi/<id> needs the application's token (test_join_page).
PORTAL_ROUTES = []


def company_document(env, company):
    return env["coop.membership.document"].create(
        {
            "kind": "statutes",
            "version": "MATRIX",
            "datas": "JVBERi0=",
            "company_id": company.id,
        }
    )


def company_application(env, company):
    share_class = env["coop.share.class"].create(
        {"code": "MZ", "name": "Matrix", "nominal_value": 10, "company_id": company.id}
    )
    return env["coop.membership.application"].create(
        {
            "partner_id": env["res.partner"].create({"name": "Matrix candidate"}).id,
            "company_id": company.id,
            "share_class_id": share_class.id,
            "share_quantity": 1,
            "payment_choice": "at_shop",
        }
    )


COMPANY_RECORD = {
    "coop.membership.application": company_application,
    "coop.membership.document": company_document,
}

REACH = {
    "coop.membership.application": {"gerante": reach.of_companies()},
    "coop.membership.document": {"gerante": reach.of_companies()},
}
