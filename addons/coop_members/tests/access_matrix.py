"""Role matrix of coop_members (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). Besides
its own models (share classes, register, wizards), it states what it relies
on: the till's orders belong to the cashiers and the administrator (unlink is
granted by the ACL, but Odoo refuses to delete an order that is not draft or
cancelled, which keeps the l10n_fr_pos_cert chain whole; managers and stock
staff read them), and partners, the members, are read-only for every role but
the administrator, the members manager and logistics staff (who manage
contacts: members, producers).
"""

from . import reach

ROLE_GROUPS = {
    "members_user": ["coop_members.coop_member_group_user"],
    "members_manager": ["coop_members.coop_member_group_manager"],
}

# The wizards of board decisions, subscriptions and transfers.
MANAGERS_ONLY = {
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
}

NOBODY = dict.fromkeys(MANAGERS_ONLY, "")

MODEL_ACCESS = {
    # Extended (manual payments named by their journal): Odoo's rights,
    # read by every employee; the members manager is an accountant.
    "account.payment.method.line": {
        **NOBODY,
        **dict.fromkeys(
            (
                "pos_cashier",
                "producer",
                "members_user",
                "solidarity_officer",
                "logistics_staff",
                "marketplace_manager",
                "pickup_volunteer",
                "network_coordinator",
            ),
            "r",
        ),
        "members_manager": "rwcu",
        "administrator": "rwcu",
    },
    # The till reads the classes to sell shares, members read them on their
    # membership page; staff of other trades see nothing of the register.
    "coop.share.class": {
        "public": "",
        "portal_member": "r",
        "pos_cashier": "r",
        "producer": "",
        "members_user": "r",
        "members_manager": "rwcu",
        "solidarity_officer": "",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwcu",
    },
    # Users prepare movements, managers confirm them (checked in
    # test_share_register); confirmed ones are frozen for everyone. Members
    # read their own confirmed entries (RECORD_ACCESS below).
    "coop.share.movement": {
        "public": "",
        "portal_member": "r",
        "pos_cashier": "",
        "producer": "",
        "members_user": "rwc",
        "members_manager": "rwcu",
        "solidarity_officer": "",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwcu",
    },
    # Managers read the orders whose share sale needs checking (stock users,
    # hence logistics staff, read them for the deliveries).
    "pos.order": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "rwcu",
        "producer": "",
        "members_user": "",
        "members_manager": "r",
        "solidarity_officer": "",
        "logistics_staff": "r",
        "marketplace_manager": "r",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwcu",
    },
    # Suspensions and exclusions are board decisions, applied by managers.
    "coop.member.state.wizard": MANAGERS_ONLY,
    # Extended for the subscription payment hook only: rights are Odoo's
    # (purchase users, hence logistics staff, handle vendor bills; producers
    # read their own, see coop_producers).
    "account.move": {
        "public": "",
        "portal_member": "r",
        "pos_cashier": "r",
        "producer": "r",
        "members_user": "",
        "members_manager": "rwcu",
        "solidarity_officer": "",
        "logistics_staff": "rwcu",
        "marketplace_manager": "rwcu",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwcu",
    },
    # Subscriptions are invoiced by managers (who get invoicing rights).
    "coop.share.subscribe.wizard": MANAGERS_ONLY,
    "coop.share.transfer.wizard": MANAGERS_ONLY,
    "res.partner": {
        "public": "r",
        "portal_member": "r",
        "pos_cashier": "r",
        "producer": "r",
        "members_user": "r",
        "members_manager": "rwcu",
        "solidarity_officer": "r",
        "logistics_staff": "rwcu",
        "marketplace_manager": "rwcu",
        "pickup_volunteer": "r",
        "network_coordinator": "r",
        "administrator": "rwcu",
    },
    "pos.order.line": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "rwcu",
        "producer": "",
        "members_user": "",
        "members_manager": "r",
        "solidarity_officer": "",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwcu",
    },
    # Redemptions are board decisions applied by managers; the register is
    # printed and exported by members users too.
    "coop.share.redeem.wizard": MANAGERS_ONLY,
    "coop.share.register.wizard": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "",
        "producer": "",
        "members_user": "rwc",
        "members_manager": "rwc",
        "solidarity_officer": "",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwc",
    },
    # Extended for the "members only" setting and the loading of share
    # classes: rights are Odoo's.
    "pos.config": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "rw",
        "producer": "",
        "members_user": "",
        "members_manager": "",
        "solidarity_officer": "",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwcu",
    },
    "pos.session": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "rwc",
        "producer": "",
        "members_user": "",
        "members_manager": "",
        "solidarity_officer": "",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwc",
    },
    "res.config.settings": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "",
        "producer": "",
        "members_user": "",
        "members_manager": "",
        "solidarity_officer": "",
        "logistics_staff": "",
        "marketplace_manager": "",
        "pickup_volunteer": "",
        "network_coordinator": "",
        "administrator": "rwc",
    },
    # Report models hold no data: rights are those of what they print
    # (checked in test_reports and test_portal).
    "report.coop_members.report_share_certificate": NOBODY,
    "report.coop_members.report_share_register": NOBODY,
}


def member_movement(env, partner):
    share_class = env["coop.share.class"].search([("code", "=", "MATRIX")])
    share_class = share_class or env["coop.share.class"].create(
        {"code": "MATRIX", "name": "Role matrix shares", "nominal_value": 10}
    )
    movement = env["coop.share.movement"].create(
        {
            "partner_id": partner.id,
            "share_class_id": share_class.id,
            "type": "subscription",
            "quantity": 1,
        }
    )
    movement._confirm()
    return movement


RECORD_ACCESS = [
    {"model": "coop.share.movement", "role": "portal_member", "own": "r", "other": ""},
]
OWN_RECORD = {"coop.share.movement": member_movement}
# /my/membership takes no id: nothing to guess (tested in test_portal).
PORTAL_ROUTES = []


def company_share_class(env, company):
    return env["coop.share.class"].create(
        {"code": "MX", "name": "Matrix", "nominal_value": 10, "company_id": company.id}
    )


def company_movement(env, company):
    return env["coop.share.movement"].create(
        {
            "partner_id": env["res.partner"].create({"name": "Matrix member"}).id,
            "share_class_id": env["coop.share.class"]
            .create(
                {
                    "code": "MY",
                    "name": "Matrix movement",
                    "nominal_value": 10,
                    "company_id": company.id,
                }
            )
            .id,
            "type": "subscription",
            "quantity": 1,
        }
    )


# The company axis (tests/test_role_matrix.py): another company's records.
COMPANY_RECORD = {
    "coop.share.class": company_share_class,
    "coop.share.movement": company_movement,
}


# What each demo login may read at most (tests/privacy_sweep.py, after every
# step of the journeys): see reach.py.
MEMBERS = ("membre", "arras")
STAFF = ("caisse", "caisse-arras", "gerante")
REACH = {
    "res.partner": {login: reach.own("id") for login in (*MEMBERS, "coursier")}
    | {"coordination": reach.internal_contacts},
    "coop.share.movement": {login: reach.own() for login in MEMBERS}
    | {"gerante": reach.of_companies()},
    "pos.order": {login: reach.of_companies() for login in STAFF},
    "pos.order.line": {login: reach.of_companies() for login in STAFF},
    "pos.payment": {login: reach.of_companies() for login in STAFF},
    "account.move": {login: reach.own() for login in MEMBERS}
    | {"gerante": reach.of_companies()},
    "account.move.line": {login: reach.own() for login in MEMBERS}
    | {"gerante": reach.of_companies()},
    "account.payment": {"gerante": reach.of_companies()},
    # A portal user's own notifications only (Odoo shows them every one).
    "mail.notification": {
        login: reach.any_of(reach.own("res_partner_id"), reach.own("author_id"))
        for login in (*MEMBERS, "coursier")
    },
}
