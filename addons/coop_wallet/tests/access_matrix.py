"""Role matrix of coop_wallet (checked by tests/test_role_matrix.py).

Rights are strings of r (read), w (write), c (create), u (unlink). The
prepaid account is Odoo's eWallet: its programs keep Odoo's rights (the
till and salespeople read them, their managers and the administrator set
them up). Members never read programs nor cards: their own balance and
history reach them through /my/wallet (sudo, their own card only).
"""

from odoo.addons.coop_members.tests import reach
from odoo.addons.coop_producers.tests import access_matrix as producers_matrix

rights = producers_matrix.rights

MODEL_ACCESS = {
    # Extended (the account's statement on /my/wallet): Odoo's rights; the
    # till and the manager's rows stay confined to their coop (REACH).
    "loyalty.card": rights(
        pos_cashier="rw",
        marketplace_manager="rw",
        administrator="rwc",
    ),
    # Extended (the till's category of top-ups and donations, loaded only
    # where the till takes the account): Odoo's rights.
    "pos.category": rights(pos_cashier="r", administrator="rwcu"),
    # Extended (accounts of the eWallet, the online top-up): Odoo's rights.
    "loyalty.program": rights(
        pos_cashier="r",
        marketplace_manager="r",
        administrator="rwcu",
    ),
}


# Members' prepaid accounts: their coop's till and manager; members read
# their own through /my/wallet (sudo), never by RPC.
REACH = {
    "loyalty.card": {login: reach.of_companies() for login in ("caisse", "gerante")},
    "loyalty.history": {
        login: reach.of_companies("card_id.company_id")
        for login in ("caisse", "gerante")
    },
}
