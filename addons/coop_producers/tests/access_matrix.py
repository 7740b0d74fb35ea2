"""Role matrix of coop_producers (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). The
Producer group (own products and stock only) comes with the producer
features; until then a producer is a plain internal user who can read the
catalogue but not change it.
"""

ROLE_GROUPS = {}

MODEL_ACCESS = {
    "product.template": {
        "public": "r",
        "portal_member": "r",
        "pos_cashier": "r",
        "producer": "r",
        "members_user": "r",
        "members_manager": "r",
        "solidarity_officer": "r",
        "logistics_staff": "r",
        "administrator": "rwcu",
    },
}

RECORD_ACCESS = []
OWN_RECORD = {}
PORTAL_ROUTES = []
