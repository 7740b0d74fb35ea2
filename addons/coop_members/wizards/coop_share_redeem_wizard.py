# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopShareRedeemWizard(models.TransientModel):
    """Redeem shares at nominal value (resignation, exclusion, death)."""

    _name = "coop.share.redeem.wizard"
    _description = "Redeem shares"

    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        default=lambda self: self._default_partner_id(),
    )
    share_class_id = fields.Many2one("coop.share.class", required=True)
    held_quantity = fields.Integer(
        string="Shares held", compute="_compute_held_quantity"
    )
    quantity = fields.Integer(required=True, default=1)
    reason = fields.Selection(
        lambda self: (
            self.env["coop.share.movement"]
            ._fields["redemption_reason"]
            ._description_selection(self.env)
        ),
        required=True,
        default="resignation",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    currency_id = fields.Many2one(related="share_class_id.currency_id")
    amount = fields.Monetary(compute="_compute_amount")
    payout_due_date = fields.Date(
        string="Pay back from", compute="_compute_payout_due_date"
    )

    def _default_partner_id(self):
        if self.env.context.get("active_model") == "res.partner":
            return self.env.context.get("active_id")
        return False

    @api.depends("partner_id", "share_class_id")
    def _compute_held_quantity(self):
        for wizard in self:
            wizard.held_quantity = (
                wizard.partner_id._coop_get_holdings(wizard.share_class_id)
                if wizard.partner_id and wizard.share_class_id
                else 0
            )

    @api.onchange("held_quantity")
    def _onchange_held_quantity(self):
        # Resignations usually redeem everything: propose it.
        if self.held_quantity:
            self.quantity = self.held_quantity

    @api.depends("quantity", "share_class_id")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.quantity * wizard.share_class_id.nominal_value

    @api.depends("date", "share_class_id")
    def _compute_payout_due_date(self):
        for wizard in self:
            wizard.payout_due_date = wizard.date and fields.Date.add(
                wizard.date, months=wizard.share_class_id.redemption_delay_months
            )

    def action_redeem(self):
        self.ensure_one()
        movement = self.env["coop.share.movement"]._create_redemption(
            self.partner_id, self.share_class_id, self.quantity, self.reason, self.date
        )
        # The membership of the class's coop (a member of two coops).
        partner = self.partner_id.with_company(self.share_class_id.company_id)
        if (
            self.reason == "exclusion"
            and partner.coop_member_state != "excluded"
            and not partner.coop_share_count
        ):
            # The register made them "resigned": the board's decision says why.
            partner._coop_set_member_state(
                "excluded", movement.origin, date=self.date, force=True
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "coop.share.movement",
            "res_id": movement.id,
            "view_mode": "form",
        }
