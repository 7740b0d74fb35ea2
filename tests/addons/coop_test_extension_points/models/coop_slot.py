# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopSlotTemplate(models.Model):
    _inherit = "coop.slot.template"

    kind = fields.Selection(
        selection_add=[("locker", "Parcel locker")], ondelete={"locker": "cascade"}
    )


class CoopSlot(models.Model):
    _inherit = "coop.slot"

    kind = fields.Selection(
        selection_add=[("locker", "Parcel locker")],
        ondelete={"locker": "set default"},
    )
