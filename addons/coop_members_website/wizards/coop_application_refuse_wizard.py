# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopApplicationRefuseWizard(models.TransientModel):
    _name = "coop.application.refuse.wizard"
    _description = "Refuse membership applications"

    application_ids = fields.Many2many("coop.membership.application")
    reason = fields.Text(
        required=True, help="The candidate reads it in the e-mail she receives."
    )

    def action_refuse(self):
        self.application_ids._coop_refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
