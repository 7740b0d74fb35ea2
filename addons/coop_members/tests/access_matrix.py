"""Role matrix of coop_members (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). Besides
its own models (share classes, register, wizards), it states what it relies
on: the till's orders belong to the cashiers and the administrator only
(unlink is granted by the ACL, but Odoo refuses to delete an order that is not
draft or cancelled, which keeps the l10n_fr_pos_cert chain whole), and
partners, the members, are read-only for every role but the administrator
and the members manager (who manages members, so contacts).
"""

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
    "administrator": "rwcu",
}

MODEL_ACCESS = {
    # The till reads the classes to sell shares; staff of other trades and
    # members see nothing of the register (the portal page comes later).
    "coop.share.class": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "r",
        "producer": "",
        "members_user": "r",
        "members_manager": "rwcu",
        "solidarity_officer": "",
        "logistics_staff": "",
        "administrator": "rwcu",
    },
    # Users prepare movements, managers confirm them (checked in
    # test_share_register); confirmed ones are frozen for everyone.
    "coop.share.movement": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "",
        "producer": "",
        "members_user": "rwc",
        "members_manager": "rwcu",
        "solidarity_officer": "",
        "logistics_staff": "",
        "administrator": "rwcu",
    },
    "pos.order": {
        "public": "",
        "portal_member": "",
        "pos_cashier": "rwcu",
        "producer": "",
        "members_user": "",
        "members_manager": "",
        "solidarity_officer": "",
        "logistics_staff": "",
        "administrator": "rwcu",
    },
    # Suspensions and exclusions are board decisions, applied by managers.
    "coop.member.state.wizard": MANAGERS_ONLY,
    # Extended for the subscription payment hook only: rights are Odoo's.
    "account.move": {
        "public": "",
        "portal_member": "r",
        "pos_cashier": "r",
        "producer": "",
        "members_user": "",
        "members_manager": "rwcu",
        "solidarity_officer": "",
        "logistics_staff": "",
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
        "logistics_staff": "r",
        "administrator": "rwcu",
    },
}

RECORD_ACCESS = []
OWN_RECORD = {}
PORTAL_ROUTES = []
