# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_datetime


class CoopSlotTemplate(models.Model):
    """A weekly delivery window at the hub: its places are the couriers
    times the deliveries each makes in one round."""

    _inherit = "coop.slot.template"

    kind = fields.Selection(
        selection_add=[("delivery", "Home delivery")],
        ondelete={"delivery": "cascade"},
    )
    courier_count = fields.Integer(string="Couriers", default=1)
    deliveries_per_round = fields.Integer(
        default=6, help="Stops one courier makes in one round of this slot."
    )
    capacity = fields.Integer(
        compute="_compute_capacity",
        store=True,
        readonly=False,
        precompute=True,
        default=None,
    )

    @api.depends("kind", "courier_count", "deliveries_per_round")
    def _compute_capacity(self):
        for template in self:
            template.capacity = _capacity(template)

    @api.constrains("kind", "courier_count", "deliveries_per_round")
    def _check_couriers(self):
        _check_couriers(self)

    def _prepare_slot_values(self, cycle, start, end):
        values = super()._prepare_slot_values(cycle, start, end)
        values.update(
            courier_count=self.courier_count,
            deliveries_per_round=self.deliveries_per_round,
        )
        return values


class CoopSlot(models.Model):
    _inherit = "coop.slot"

    kind = fields.Selection(
        selection_add=[("delivery", "Home delivery")],
        ondelete={"delivery": "set default"},
    )
    courier_count = fields.Integer(string="Couriers", default=1)
    deliveries_per_round = fields.Integer(default=6)
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
            slot.capacity = _capacity(slot)

    @api.constrains("kind", "courier_count", "deliveries_per_round")
    def _check_couriers(self):
        _check_couriers(self)
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


def _capacity(record):
    """A delivery slot's places: couriers × deliveries per round; a pickup
    slot keeps its own number."""
    if record.kind == "delivery":
        return record.courier_count * record.deliveries_per_round
    return record.capacity or 10


def _check_couriers(records):
    for record in records.filtered(lambda r: r.kind == "delivery"):
        if record.courier_count <= 0 or record.deliveries_per_round <= 0:
            raise ValidationError(
                records.env._(
                    "A delivery slot needs at least one courier and one delivery"
                    " per round."
                )
            )
