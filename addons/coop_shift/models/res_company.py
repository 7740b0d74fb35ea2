# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    coop_shift_cycle_weeks = fields.Integer(
        string="Weeks in a shift cycle",
        default=4,
        help="Templates repeat on a cycle of this many weeks (A, B, C, D).",
    )
    coop_shift_cycle_start = fields.Date(
        string="First day of a week A",
        default=lambda self: fields.Date.to_date("2026-01-05"),
        help="A Monday: the weeks of the cycle are counted from it.",
    )
    coop_shift_weeks_ahead = fields.Integer(
        string="Shifts planned ahead (weeks)", default=8
    )
    coop_shift_makeups_per_miss = fields.Integer(
        string="Make-ups for a missed shift",
        default=2,
        help="A regular shift missed without notice costs this many make-up shifts.",
    )
    coop_shift_makeups_per_announced = fields.Integer(
        string="Make-ups for an announced absence",
        default=1,
        help="A regular shift the member said before it she could not come to.",
    )
    coop_shift_flying_per_cycle = fields.Integer(
        string="Shifts per cycle (flying members)", default=1
    )
    coop_shift_max_credit = fields.Integer(
        string="Shifts a member may do ahead",
        default=1,
        help="Extra shifts beyond this do not add to the counter.",
    )
    coop_shift_grace_days = fields.Integer(
        string="Days to catch up",
        default=28,
        help="A member behind on her shifts is in alert for this many days,"
        " then suspended: she may not shop until she has caught up.",
    )
    coop_shift_late_minutes = fields.Integer(
        string="Late check-in (minutes)",
        default=15,
        help="A member checks in herself until this many minutes after the"
        " start; later, the team leader decides.",
    )
    coop_shift_till_policy = fields.Selection(
        [("warn", "Warn the cashier"), ("refuse", "Refuse the sale")],
        string="A member who may not shop, at the till",
        default="warn",
        required=True,
    )
