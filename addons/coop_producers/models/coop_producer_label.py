# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopProducerLabel(models.Model):
    """A quality label of a farm: AB, HVE, Nature & Progrès..."""

    _name = "coop.producer.label"
    _description = "Producer label"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A label with this name already exists."),
    ]
