# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopShiftCounterEvent(models.Model):
    """The counter's history: never edited, corrected by a new event."""

    _name = "coop.shift.counter.event"
    _description = "Shift counter event"
    _order = "date desc, id desc"

    participation_id = fields.Many2one(
        "coop.shift.participation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="participation_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    points = fields.Integer(required=True)
    reason = fields.Selection(
        [
            ("attended", "Shift done"),
            ("absent", "Missed without notice"),
            ("excused", "Absence announced"),
            ("cycle", "Shifts due for the cycle"),
            ("manual", "Correction by the office"),
        ],
        required=True,
    )
    registration_id = fields.Many2one("coop.shift.registration", ondelete="set null")
    note = fields.Char()
