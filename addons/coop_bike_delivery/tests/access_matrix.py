"""Role matrix of coop_bike_delivery (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). Delivery
zones are settings of the marketplace: staff read them, marketplace managers
(and the administrator) set them; members and visitors never read them (the
checkout asks the carrier, which reads them as superuser).
"""

from odoo.addons.coop_members.tests import reach
from odoo.addons.coop_producers.tests import access_matrix as producers_matrix

rights = producers_matrix.rights

MODEL_ACCESS = {
    "coop.delivery.zone": rights(
        pos_cashier="r",
        producer="r",
        members_user="r",
        members_manager="r",
        solidarity_officer="r",
        logistics_staff="r",
        marketplace_manager="rwcu",
        pickup_volunteer="r",
        network_coordinator="r",
        administrator="rwcu",
    ),
    # Extended with the round's stop: Odoo's rights, unchanged. Couriers
    # (portal users) read no transfer: their screen lists their round's
    # stops (tests/test_courier.py).
    "stock.picking": rights(
        portal_member="r",
        pos_cashier="rwcu",
        producer="r",
        members_manager="rwc",
        logistics_staff="rwcu",
        marketplace_manager="rwcu",
        administrator="rwcu",
    ),
}

# A courier reads her own rounds and their stops, nothing else (the sweep of
# tests/privacy_sweep.py, after she wrote on them).
REACH = {
    "stock.picking": {"coursier": reach.own_user("coop_round_id.user_id")},
    "stock.picking.batch": {
        "coursier": reach.own_user(),
        "gerante": reach.of_companies(),
    },
}
