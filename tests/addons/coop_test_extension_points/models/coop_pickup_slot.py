# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopPickupSlotTemplate(models.Model):
    _inherit = "coop.pickup.slot.template"

    kind = fields.Selection(
        selection_add=[("locker", "Parcel locker")], ondelete={"locker": "cascade"}
    )


class CoopPickupSlot(models.Model):
    _inherit = "coop.pickup.slot"

    kind = fields.Selection(
        selection_add=[("locker", "Parcel locker")],
        ondelete={"locker": "set default"},
    )
