# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopShareTransferWizard(models.TransientModel):
    """Transfer shares from a member to another (existing or new) member."""

    _name = "coop.share.transfer.wizard"
    _description = "Transfer shares"

    partner_id = fields.Many2one(
        "res.partner",
        string="From",
        required=True,
        default=lambda self: self._default_partner_id(),
    )
    to_partner_id = fields.Many2one(
        "res.partner",
        string="To",
        required=True,
        help="An existing member, or any contact (a new contact can be created"
        " here): the shares make them a member.",
    )
    share_class_id = fields.Many2one("coop.share.class", required=True)
    quantity = fields.Integer(required=True, default=1)

    def _default_partner_id(self):
        if self.env.context.get("active_model") == "res.partner":
            return self.env.context.get("active_id")
        return False

    def action_transfer(self):
        self.ensure_one()
        self.env["coop.share.movement"]._create_transfer(
            self.partner_id, self.to_partner_id, self.share_class_id, self.quantity
        )
        return {"type": "ir.actions.act_window_close"}
