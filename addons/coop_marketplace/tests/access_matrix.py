"""Role matrix of coop_marketplace (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). Members
see their own orders in the portal and nobody else's, by record rule and on
every /my route (IDOR test).
"""

from odoo import Command

ROLE_GROUPS = {}

MODEL_ACCESS = {
    "sale.order": {
        "public": "",
        "portal_member": "r",
        "pos_cashier": "",
        "producer": "",
        "members_user": "",
        # Invoicing rights (to invoice share subscriptions) open sale orders.
        "members_manager": "rw",
        "solidarity_officer": "",
        # Stock users (logistics staff) handle the orders' deliveries.
        "logistics_staff": "rw",
        "administrator": "rwcu",
    },
}


def member_order(env, partner):
    """A quotation of ``partner``, who follows it as the shop does."""
    product = env["product.product"].create({"name": "Matrix basket", "list_price": 12})
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [Command.create({"product_id": product.id})],
        }
    )
    order.message_subscribe(partner_ids=partner.ids)
    return order


RECORD_ACCESS = [
    {"model": "sale.order", "role": "portal_member", "own": "r", "other": ""},
]
OWN_RECORD = {"sale.order": member_order}
PORTAL_ROUTES = [
    {"path": "/my/orders/{id}", "model": "sale.order"},
]
