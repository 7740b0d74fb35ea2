# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopMemberStateWizard(models.TransientModel):
    _name = "coop.member.state.wizard"
    _description = "Change the membership state"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Members",
        required=True,
        default=lambda self: self._default_partner_ids(),
    )
    state = fields.Selection(
        [
            ("suspended", "Suspend"),
            ("excluded", "Exclude"),
            ("active", "Reactivate"),
        ],
        string="Decision",
        required=True,
        default="suspended",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Char(help="Required to suspend or exclude: board decision...")

    def _default_partner_ids(self):
        if self.env.context.get("active_model") == "res.partner":
            return [fields.Command.set(self.env.context.get("active_ids", []))]
        return []

    def action_apply(self):
        self.ensure_one()
        self.partner_ids._coop_set_member_state(self.state, self.reason, self.date)
        return {"type": "ir.actions.act_window_close"}
