# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_shift_cycle_weeks = fields.Integer(
        related="company_id.coop_shift_cycle_weeks", readonly=False
    )
    coop_shift_cycle_start = fields.Date(
        related="company_id.coop_shift_cycle_start", readonly=False
    )
    coop_shift_weeks_ahead = fields.Integer(
        related="company_id.coop_shift_weeks_ahead", readonly=False
    )
    coop_shift_makeups_per_miss = fields.Integer(
        related="company_id.coop_shift_makeups_per_miss", readonly=False
    )
    coop_shift_makeups_per_announced = fields.Integer(
        related="company_id.coop_shift_makeups_per_announced", readonly=False
    )
    coop_shift_flying_per_cycle = fields.Integer(
        related="company_id.coop_shift_flying_per_cycle", readonly=False
    )
    coop_shift_max_credit = fields.Integer(
        related="company_id.coop_shift_max_credit", readonly=False
    )
    coop_shift_grace_days = fields.Integer(
        related="company_id.coop_shift_grace_days", readonly=False
    )
    coop_shift_late_minutes = fields.Integer(
        related="company_id.coop_shift_late_minutes", readonly=False
    )
    coop_shift_till_policy = fields.Selection(
        related="company_id.coop_shift_till_policy", readonly=False
    )
