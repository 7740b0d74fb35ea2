# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


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

    def get_limited_partners_loading(self):
        """A members' till starts with its own customers: its coop's
        members (holding shares in its company) and the walk-in customers
        created at its company's tills, those who bought most first; never
        another coop's members (Odoo loads every contact without a
        company)."""
        if not self.coop_member_till:
            return super().get_limited_partners_loading()
        return self.env.execute_query(
            SQL(
                """
                WITH pm AS (
                    SELECT partner_id, COUNT(partner_id) AS order_count
                      FROM pos_order
                     GROUP BY partner_id
                )
                SELECT partner.id
                  FROM res_partner AS partner
             LEFT JOIN pm ON partner.id = pm.partner_id
                 WHERE partner.active
                   AND (
                        partner.company_id = %(company)s
                        OR EXISTS (
                            SELECT 1 FROM coop_share_movement movement
                             WHERE movement.partner_id = partner.id
                               AND movement.company_id = %(company)s
                               AND movement.state = 'confirmed'
                        )
                   )
              ORDER BY COALESCE(pm.order_count, 0) DESC, partner.name
                 LIMIT %(limit)s
                """,
                company=self.company_id.id,
                limit=100,
            )
        )
