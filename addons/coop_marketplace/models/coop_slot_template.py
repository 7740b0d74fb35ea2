# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class CoopSlotTemplate(models.Model):
    """A weekly opening of a pickup point (e.g. Saturday 10:00-12:00, 15
    orders), copied into dated slots when a cycle opens."""

    _name = "coop.slot.template"
    _description = "Weekly slot"
    _order = "point_id, weekday, hour_from, id"

    point_id = fields.Many2one(
        "coop.pickup.point", string="Pickup point", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="point_id.company_id", store=True)
    # What the slot is for; other addons add kinds (home delivery), which
    # the pickup screens leave out.
    kind = fields.Selection(
        [("pickup", "Pickup")],
        required=True,
        default="pickup",
        ondelete={"pickup": "cascade"},
    )
    # Values are Python's date.weekday() as strings (selection keys).
    weekday = fields.Selection(WEEKDAYS, required=True, default="5")
    hour_from = fields.Float(string="From", required=True, default=10.0)
    hour_to = fields.Float(string="To", required=True, default=12.0)
    capacity = fields.Integer(
        required=True, default=10, help="Orders that can be collected in the slot."
    )

    _sql_constraints = [
        (
            "capacity_positive",
            "CHECK(capacity > 0)",
            "The capacity of a slot must be positive.",
        ),
        (
            "hours_valid",
            "CHECK(hour_from >= 0 AND hour_to <= 24 AND hour_to > hour_from)",
            "A slot must end after it starts, within the day.",
        ),
    ]

    @api.depends("point_id.name", "weekday", "hour_from", "hour_to")
    def _compute_display_name(self):
        # "Fives · Friday 16:30-19:30", the weekday in the reader's language.
        weekdays = dict(self._fields["weekday"]._description_selection(self.env))
        for template in self:
            template.display_name = (
                f"{template.point_id.name} · {weekdays.get(template.weekday, '')}"
                f" {_hours(template.hour_from)}-{_hours(template.hour_to)}"
            )

    def _prepare_slot_values(self, cycle, start, end):
        """The dated slot of this template in ``cycle`` (UTC ``start`` and
        ``end``)."""
        self.ensure_one()
        return {
            "cycle_id": cycle.id,
            "point_id": self.point_id.id,
            "kind": self.kind,
            "start_datetime": start,
            "end_datetime": end,
            "capacity": self.capacity,
        }


def _hours(value):
    hours, minutes = divmod(round(value * 60), 60)
    return f"{hours:02d}:{minutes:02d}"
