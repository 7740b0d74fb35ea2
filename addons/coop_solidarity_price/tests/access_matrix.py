"""Role matrix of coop_solidarity_price (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). Each price
tier will generate its own pricelist: until the tiers and the solidarity
officer group exist, pricelists are read-only for every role but the
administrator (the till and the shop read them to price).
"""

ROLE_GROUPS = {}

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
        "administrator": "rwcu",
    },
}

RECORD_ACCESS = []
OWN_RECORD = {}
PORTAL_ROUTES = []
