# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import format_datetime


class CoopSlot(models.Model):
    _name = "coop.slot"
    _inherit = ["coop.slot", "coop.slot.couriers"]

    kind = fields.Selection(
        selection_add=[("delivery", "Home delivery")],
        ondelete={"delivery": "set default"},
    )
    capacity = fields.Integer(
        compute="_compute_capacity",
        store=True,
        readonly=False,
        precompute=True,
        default=None,
    )
    courier_ids = fields.Many2many(
        "res.users",
        string="Courier logins",
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref(
                    "coop_bike_delivery.group_coop_courier", raise_if_not_found=False
                ).ids,
            )
        ],
        help="Who rides the rounds of this slot, in this order (the first"
        " takes the first round).",
    )

    @api.depends("kind", "courier_count", "deliveries_per_round")
    def _compute_capacity(self):
        for slot in self:
            slot.capacity = slot._couriers_capacity()

    @api.constrains("kind", "courier_count", "deliveries_per_round")
    def _check_couriers(self):
        self._check_couriers_are_there()
        # The capacity follows the couriers: fewer of them can't leave more
        # orders than places.
        self._check_capacity_holds_bookings()

    @api.depends("kind")
    def _compute_display_name(self):
        # "Livraison à domicile · sam. 5 déc. 10:00-12:00": the member
        # reads when, not the hub it leaves from.
        delivery = self.filtered(lambda slot: slot.kind == "delivery")
        res = super(CoopSlot, self - delivery)._compute_display_name()
        for slot in delivery:
            tz = slot.point_id._tz()
            slot.display_name = "{} · {}-{}".format(
                self.env._("Home delivery"),
                format_datetime(
                    self.env, slot.start_datetime, tz=tz, dt_format="EEE d MMM HH:mm"
                ),
                format_datetime(self.env, slot.end_datetime, tz=tz, dt_format="HH:mm"),
            )
        return res
