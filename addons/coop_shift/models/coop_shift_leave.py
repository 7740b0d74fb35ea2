# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CoopShiftLeave(models.Model):
    """A period without shifts (parental leave, long absence): her regular
    shifts in it are not registered, a flying cycle in it is not due."""

    _name = "coop.shift.leave"
    _description = "Leave from shifts"
    _order = "date_start desc"

    participation_id = fields.Many2one(
        "coop.shift.participation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="participation_id.company_id", store=True)
    date_start = fields.Date(string="From", required=True)
    date_end = fields.Date(string="To", required=True)
    reason = fields.Text(
        groups="coop_shift.group_coop_shift_manager",
        help="Confidential: read by the shifts office only.",
    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for leave in self:
            if leave.date_end < leave.date_start:
                raise ValidationError(self.env._("A leave ends after it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._coop_free_registrations()
        leaves.participation_id._coop_update_states()
        return leaves

    def write(self, vals):
        result = super().write(vals)
        self._coop_free_registrations()
        self.participation_id._coop_update_states()
        return result

    def _coop_free_registrations(self):
        """Her expected regular shifts during the leave are dropped (no
        penalty): the place shows as missing for the planners."""
        Registration = self.env["coop.shift.registration"]
        for leave in self:
            Registration.search(
                [
                    ("participation_id", "=", leave.participation_id.id),
                    ("origin", "=", "regular"),
                    ("state", "=", "open"),
                    ("shift_start", ">=", leave.date_start),
                    ("shift_start", "<", fields.Date.add(leave.date_end, days=1)),
                ]
            ).unlink()
