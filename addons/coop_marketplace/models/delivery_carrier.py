# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DeliveryCarrier(models.Model):
    """``coop_pickup``: collection at one of the coop's pickup points, chosen
    in Odoo's pickup-location selector, then a time slot."""

    _inherit = "delivery.carrier"

    delivery_type = fields.Selection(
        selection_add=[("coop_pickup", "Coop pickup point")],
        ondelete={"coop_pickup": "set default"},
    )
    # Read by Odoo (delivery, website_sale) as f"{delivery_type}_use_locations".
    coop_pickup_use_locations = fields.Boolean(default=True)
    coop_pickup_point_ids = fields.Many2many(
        "coop.pickup.point",
        string="Pickup points",
        help="Leave empty to offer every active pickup point of the company.",
    )

    def coop_pickup_rate_shipment(self, order):
        """The carrier's fixed price (usually free): pickup has no rate API."""
        self.ensure_one()
        return {
            "success": True,
            "price": self.fixed_price,
            "error_message": False,
            "warning_message": False,
        }

    def _coop_slot_kind(self):
        """The kind of slot this method books at checkout (False: none, or
        no method)."""
        return "pickup" if self.delivery_type == "coop_pickup" else False

    def coop_pickup_send_shipping(self, pickings):
        return [{"exact_price": 0.0, "tracking_number": False} for _p in pickings]

    def _coop_pickup_points(self):
        """The points this carrier serves."""
        self.ensure_one()
        # sudo: visitors choosing a point read points, not their contacts.
        points = self.sudo().coop_pickup_point_ids or self.env[
            "coop.pickup.point"
        ].sudo().search(
            [("company_id", "in", (self.company_id or self.env.company).ids)]
        )
        return points.filtered("active")

    def _coop_pickup_get_close_locations(self, partner_address, **kwargs):
        """Pickup locations in the format of Odoo's location selector."""
        return [point._location_values() for point in self._coop_pickup_points()]
