"""Role matrix of coop_shift (checked by tests/test_role_matrix.py).

The shifts office (the members manager) plans and sets participations,
leaves and exemptions; the till's volunteers (team leaders on the shifts
tablet) read the planning and record attendance. Members have no rights on
these models: "Mes créneaux" reads their own participation on the server
(controllers/portal.py). The reasons of exemptions and leaves are fields of
the shifts office only. Producers and couriers read nothing.
"""

from odoo.addons.coop_members.tests import reach
from odoo.addons.coop_producers.tests.access_matrix import rights

ROLE_GROUPS = {
    "pos_cashier": ["coop_shift.group_coop_shift_user"],
    "members_manager": ["coop_shift.group_coop_shift_manager"],
}

MODEL_ACCESS = {
    "coop.shift.template": rights(
        pos_cashier="r", members_manager="rwcu", administrator="rwcu"
    ),
    "coop.shift": rights(
        pos_cashier="rw", members_manager="rwcu", administrator="rwcu"
    ),
    "coop.shift.registration": rights(
        pos_cashier="rw", members_manager="rwcu", administrator="rwcu"
    ),
    "coop.shift.participation": rights(
        pos_cashier="r", members_manager="rwc", administrator="rwc"
    ),
    "coop.shift.counter.event": rights(
        pos_cashier="r", members_manager="rc", administrator="rc"
    ),
    "coop.shift.leave": rights(members_manager="rwcu", administrator="rwcu"),
}

# The demo's logins: gerante (the shifts office) and caisse (the till's
# volunteers) in their coop; nobody else, members included.
IN_THEIR_COOP = {"gerante": reach.of_companies(), "caisse": reach.of_companies()}
REACH = {
    "coop.shift.template": IN_THEIR_COOP,
    "coop.shift": IN_THEIR_COOP,
    "coop.shift.registration": IN_THEIR_COOP,
    "coop.shift.participation": IN_THEIR_COOP,
    "coop.shift.counter.event": IN_THEIR_COOP,
    "coop.shift.leave": {"gerante": reach.of_companies()},
}
