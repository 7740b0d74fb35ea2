# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import html2plaintext


class CoopPickupPoint(models.Model):
    """A place where members collect their orders: the épicerie itself or a
    partner venue. Its weekly slot templates become dated slots in each
    cycle."""

    _name = "coop.pickup.point"
    _description = "Pickup point"
    _order = "sequence, name, id"

    name = fields.Char(required=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Address",
        required=True,
        ondelete="restrict",
        help="The contact holding the address of the point (also its time zone).",
    )
    active = fields.Boolean(default=True)
    notes = fields.Html(help="Shown to members: access, door code, parking…")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    sequence = fields.Integer(default=10)
    slot_template_ids = fields.One2many(
        "coop.slot.template", "point_id", string="Slot templates"
    )

    def _tz(self):
        """Time zone of the point's opening hours: templates are local
        times, slots are stored in UTC."""
        self.ensure_one()
        # sudo: members and visitors read slots, not the address contacts.
        point = self.sudo()
        return (
            point.partner_id.tz
            or point.company_id.partner_id.tz
            or self.env.user.tz
            or "UTC"
        )

    @api.model
    def _coop_is_point_address(self, partner):
        """Whether ``partner``'s address is one of the coop's pickup points
        (same street and postcode): the copies of points Odoo keeps as a
        member's child contacts after each pickup order are no home."""

        def key(address):
            return (
                " ".join((address.street or "").lower().split()),
                (address.zip or "").replace(" ", ""),
            )

        if not (partner.street and partner.zip):
            return False
        # sudo: the checkout compares addresses, members don't read points'.
        points = (
            self.sudo()
            .with_context(active_test=False)
            .search([("partner_id.zip", "=", partner.zip)])
        )
        return key(partner) in {key(point.partner_id) for point in points}

    def _location_values(self):
        """The point as Odoo's pickup-location selector and
        ``sale.order.pickup_location_data`` expect it (built on the server:
        the browser only ever sends back the id)."""
        self.ensure_one()
        address = self.sudo().partner_id
        return {
            "id": self.id,
            "name": self.name,
            "street": address.street or "",
            "city": address.city or "",
            "zip_code": address.zip or "",
            "country_code": address.country_id.code or "",
            "state": address.state_id.code or "",
            "latitude": address.partner_latitude,
            "longitude": address.partner_longitude,
            "opening_hours": self._opening_hours(),
            "additional_data": {"notes": html2plaintext(self.notes or "")},
        }

    def _opening_hours(self):
        """{"0": ["17:00 - 19:00"], ...} (Monday = "0"), the pickup hours in
        the shape of the location selector's schedule."""
        self.ensure_one()

        def hhmm(hours):
            minutes = round(hours * 60)
            return f"{minutes // 60:02d}:{minutes % 60:02d}"

        hours = {str(day): [] for day in range(7)}
        templates = self.slot_template_ids.filtered(lambda t: t.kind == "pickup")
        for template in templates.sorted("hour_from"):
            hours[str(template.weekday)].append(
                f"{hhmm(template.hour_from)} - {hhmm(template.hour_to)}"
            )
        return hours
