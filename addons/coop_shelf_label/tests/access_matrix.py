"""Role matrix of coop_shelf_label (checked by tests/test_role_matrix.py).

The label designs (OCA's print categories) are read by every internal user
(a product form shows its category); administrators create them. The
épicerie's staff who may change products (the till's managers) print the
labels and choose a product's category: writing products is theirs already
(point_of_sale's rights, the product tables of coop_producers and
coop_marketplace).
"""

from odoo.addons.coop_producers.tests.access_matrix import rights

INTERNAL_READS = rights(
    pos_cashier="r",
    producer="r",
    members_user="r",
    members_manager="r",
    solidarity_officer="r",
    logistics_staff="r",
    marketplace_manager="r",
    pickup_volunteer="r",
    network_coordinator="r",
    administrator="rwcu",
)

# The printing wizard (transient): any internal user opens it on what she
# may read; emptying the queue writes the products, which only their
# managers may do.
INTERNAL_ALL = {
    role: ("rwcu" if right else "") for role, right in INTERNAL_READS.items()
}

MODEL_ACCESS = {
    "product.print.category": INTERNAL_READS,
    "product.print.wizard": INTERNAL_ALL,
}
