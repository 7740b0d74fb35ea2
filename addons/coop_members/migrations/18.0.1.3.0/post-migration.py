# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.3.0: the members' tills restrict price changes to managers (Odoo's
price control): a member's price is her tier's, never the cashier's."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE pos_config SET restrict_price_control = TRUE"
        " WHERE coop_member_till AND NOT COALESCE(restrict_price_control, FALSE)"
    )
