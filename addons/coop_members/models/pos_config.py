# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    # Off on a new till, which sells as Odoo's does until the coop turns it
    # on (the coop's own till is, in the demo and at upgrade).
    coop_member_till = fields.Boolean(
        string="Member till",
        help="Shows each customer's member number and state, and warns the"
        " cashier when the customer is not an active member.",
    )
    coop_members_only = fields.Boolean(
        string="Members only",
        help="Refuse to sell to customers who are not active members (they may"
        " still buy shares to become members). Otherwise the cashier is only"
        " warned.",
    )
