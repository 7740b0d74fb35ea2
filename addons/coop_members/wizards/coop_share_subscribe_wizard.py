# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CoopShareSubscribeWizard(models.TransientModel):
    """Subscribe shares: invoice them; the register follows the payment."""

    _name = "coop.share.subscribe.wizard"
    _description = "Subscribe shares"

    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        default=lambda self: self._default_partner_id(),
    )
    share_class_id = fields.Many2one(
        "coop.share.class",
        required=True,
        compute="_compute_share_class_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    quantity = fields.Integer(required=True, default=1)
    date = fields.Date(required=True, default=fields.Date.context_today)
    payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Instalments",
        help="Payment terms to pay the shares in several instalments; the"
        " shares enter the register once fully paid.",
    )
    currency_id = fields.Many2one(related="share_class_id.currency_id")
    amount = fields.Monetary(compute="_compute_amount")

    def _default_partner_id(self):
        if self.env.context.get("active_model") == "res.partner":
            return self.env.context.get("active_id")
        return False

    @api.depends("partner_id")
    def _compute_share_class_id(self):
        """The class the member last subscribed, else the company's first
        class open to this kind of member: usually what staff pick."""
        for wizard in self:
            partner = wizard.partner_id.commercial_partner_id
            last = self.env["coop.share.movement"].search(
                [("partner_id", "=", partner.id), ("type", "=", "subscription")],
                order="date desc, id desc",
                limit=1,
            )
            wizard.share_class_id = last.share_class_id or self.env[
                "coop.share.class"
            ].search(
                [
                    ("company_id", "=", self.env.company.id),
                    (
                        "allow_companies"
                        if partner.is_company
                        else "allow_individuals",
                        "=",
                        True,
                    ),
                ],
                limit=1,
            )

    @api.depends("quantity", "share_class_id")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.quantity * wizard.share_class_id.nominal_value

    def action_subscribe(self):
        self.ensure_one()
        share_class = self.share_class_id
        if self.quantity <= 0:
            raise UserError(self.env._("Subscribe at least one share."))
        if not share_class.product_id or not share_class.account_id:
            raise UserError(
                self.env._(
                    "Set the share product and the capital account of class"
                    " %(share_class)s first.",
                    share_class=share_class.display_name,
                )
            )
        movement = self.env["coop.share.movement"]._create_subscription(
            self.partner_id, share_class, self.quantity, self.date
        )
        invoice = share_class._create_subscription_invoice(
            self.partner_id, self.quantity, self.date, self.payment_term_id
        )
        movement.write({"invoice_id": invoice.id, "origin": invoice.name})
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": invoice.id,
            "view_mode": "form",
        }
