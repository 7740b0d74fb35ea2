# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

DELIVERY_STATES = [
    ("planned", "Prepared"),
    ("out", "Out for delivery"),
    ("delivered", "Delivered at home"),
    ("missed", "Not delivered: nobody home"),
]


class SaleOrder(models.Model):
    """Home delivery by bike: a delivery slot instead of a pickup slot, the
    courier's instructions, and where the delivery stands."""

    _inherit = "sale.order"

    coop_delivery_notes = fields.Char(
        string="Delivery instructions",
        help="For the courier: door code, floor, where to leave it…",
    )
    # Written only by the round (stock.picking.batch): built, left,
    # delivered, missed.
    coop_delivery_state = fields.Selection(
        DELIVERY_STATES, string="Delivery", readonly=True, copy=False
    )
    coop_missed_reason = fields.Char(
        string="Why not delivered", readonly=True, copy=False
    )

    def _coop_is_bike(self):
        self.ensure_one()
        return self.carrier_id.delivery_type == "coop_bike"

    def _coop_member_status(self):
        """Delivered at home, not collected: the order's page says so."""
        status = super()._coop_member_status()
        if not self._coop_is_bike():
            return status
        when = self.coop_slot_id.display_name
        if status.key == "ready":
            return status._replace(
                title=self.env._("To be delivered"),
                detail=self.env._("A courier brings it by bike: %(when)s.", when=when),
            )
        if status.key == "handed_over":
            return status._replace(
                title=self.env._("Delivered at home"),
                detail=self.env._("Delivered at your door. Thank you!"),
            )
        return status

    # === The checkout's slot step, for deliveries === #
    # (the slots, their kind and the last check before payment: the bike's
    # delivery mode, on its carrier)

    def _coop_set_pickup_slot(self, slot):
        # A stop of a round stays where the round planned it.
        if slot != self.coop_slot_id and self.coop_delivery_state:
            raise UserError(
                self.env._(
                    "Your delivery is in a courier's round already: ask the coop"
                    " to change it."
                )
            )
        return super()._coop_set_pickup_slot(slot)

    def _coop_delivery_address(self):
        """The delivery address on one line, for the member's checkout."""
        self.ensure_one()
        lines = self.partner_shipping_id._display_address(without_company=True)
        return ", ".join(line.strip() for line in lines.splitlines() if line.strip())

    def _coop_set_delivery_notes(self, notes):
        """The member's instructions for the courier (one line, kept
        short)."""
        self.ensure_one()
        notes = " ".join((notes or "").split())
        if len(notes) > 200:
            raise UserError(
                self.env._(
                    "Keep the instructions for the courier under 200 characters."
                )
            )
        self.coop_delivery_notes = notes or False
