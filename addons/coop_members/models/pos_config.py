# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PosConfig(models.Model):
    _inherit = "pos.config"

    # Off on a new till, which sells as Odoo's does until the coop turns it
    # on (the coop's own till is, in the demo and at upgrade).
    coop_member_till = fields.Boolean(
        string="Member till",
        help="Shows each customer's member number and state, and warns the"
        " cashier when the customer is not an active member. Prices are then"
        " changed by the till's managers only (Odoo's price control): a"
        " member's price is her tier's, never the cashier's.",
    )
    coop_members_only = fields.Boolean(
        string="Members only",
        help="Refuse to sell to customers who are not active members (they may"
        " still buy shares to become members). Otherwise the cashier is only"
        " warned.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("coop_member_till"):
                vals.setdefault("restrict_price_control", True)
        return super().create(vals_list)

    @api.onchange("coop_member_till")
    def _onchange_coop_member_till(self):
        if self.coop_member_till:
            self.restrict_price_control = True

    @api.constrains("coop_member_till", "restrict_price_control")
    def _check_coop_price_control(self):
        """A member's price is her tier's, never the cashier's: a members'
        till keeps Odoo's price control (prices changed by managers only)."""
        if any(c.coop_member_till and not c.restrict_price_control for c in self):
            raise ValidationError(
                self.env._(
                    "A members' till restricts price changes to managers"
                    " (Price control): a member's price is her tier's."
                )
            )
