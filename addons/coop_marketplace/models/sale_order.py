# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount

from .coop_slot import install_place_triggers

_logger = logging.getLogger(__name__)

# The slot's owner (_coop_set_pickup_slot, _coop_release_pickup_slot) marks
# its own writes with this object in the context: a client can send any
# context key over RPC, never this object (as OCA queue_job's EDIT_SENTINEL).
SLOT_OWNER = object()


class SaleOrder(models.Model):
    """The cart and the checkout of an order cycle, and the order's pickup
    point and slot (pickup day and shortages have their own files)."""

    _inherit = "sale.order"

    coop_cycle_id = fields.Many2one(
        "coop.order.cycle",
        string="Order cycle",
        index="btree_not_null",
        copy=False,
        ondelete="restrict",
    )
    # Written only by _coop_set_pickup_slot (through the slot's
    # _take_place) and _coop_release_pickup_slot: any other write (RPC,
    # import) is routed through them (see write/create), so that an order
    # holds its slot at one of its numbered places.
    coop_slot_id = fields.Many2one(
        "coop.slot",
        string="Slot",
        help="The window the order is collected or delivered in: a pickup"
        " slot at its point, or a delivery slot of the hub its courier leaves"
        " from.",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="restrict",
    )
    coop_slot_place = fields.Integer(
        string="Place in the slot",
        copy=False,
        readonly=True,
        help="The number of the place the order holds in its slot.",
    )

    coop_point_id = fields.Many2one(
        "coop.pickup.point",
        string="Pickup point",
        help="Where the order is collected, or for a home delivery the hub"
        " its courier leaves from.",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="restrict",
    )

    def init(self):
        res = super().init()
        # No two orders of a slot at the same place: what keeps a slot from
        # taking more orders than its places (see coop.slot).
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS sale_order_coop_slot_place_unique"
            " ON sale_order (coop_slot_id, coop_slot_place)"
            " WHERE coop_slot_id IS NOT NULL"
        )
        install_place_triggers(self.env.cr)
        return res

    @api.constrains("coop_cycle_id", "coop_point_id", "coop_slot_id")
    def _check_coop_slot_cycle(self):
        for order in self:
            slot = order.coop_slot_id
            if slot and not order._coop_slot_fits(slot):
                raise ValidationError(
                    self.env._(
                        "The pickup slot of %(order)s is not in its cycle or at"
                        " its pickup point.",
                        order=order.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # A slot given at creation (RPC, import) is booked like any other.
        slots = [vals.pop("coop_slot_id", False) for vals in vals_list]
        orders = super().create(vals_list)
        for order, slot_id in zip(orders, slots, strict=True):
            if slot_id:
                order._coop_set_pickup_slot(self.env["coop.slot"].browse(slot_id))
        return orders

    def _coop_by_slot_owner(self):
        """Whether this write comes from the slot's owner (never a client:
        see ``SLOT_OWNER``)."""
        return self.env.context.get("coop_slot_owner") is SLOT_OWNER

    def write(self, vals):
        if "coop_slot_place" in vals and not self._coop_by_slot_owner():
            raise UserError(
                self.env._("The place in a pickup slot is given by the booking.")
            )
        if "coop_slot_id" in vals and not self._coop_by_slot_owner():
            # A direct write (RPC, import) books through the owner: the
            # same checks, the places counted.
            # The slot first, while the order is still in its cycle.
            vals = dict(vals)
            slot = self.env["coop.slot"].browse(vals.pop("coop_slot_id"))
            for order in self:
                order._coop_set_pickup_slot(slot)
            return super().write(vals) if vals else True
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_release_coop_slot(self):
        # A deleted cart gives its place back too.
        self._coop_release_pickup_slot()

    def _action_cancel(self):
        # A cancelled order gives its place back.
        self._coop_release_pickup_slot()
        return super()._action_cancel()

    def _coop_release_pickup_slot(self):
        """Give back the places these orders hold (nothing for an order that
        holds none: releasing twice is harmless)."""
        self.filtered("coop_slot_id").sudo().with_context(
            coop_slot_owner=SLOT_OWNER
        ).write({"coop_slot_id": False, "coop_slot_place": 0})

    def _coop_set_pickup_slot(self, slot):
        """Book ``slot`` for this order, giving back its previous slot; an
        empty ``slot`` only gives it back. If the booking fails, the
        previous slot is kept.

        ``slot`` may come from the browser: it is checked against the
        order's cycle (open) and pickup point here.
        """
        self.ensure_one()
        if slot == self.coop_slot_id:
            return True
        if self.state not in ("draft", "sent", "sale"):
            raise UserError(self.env._("A cancelled order can't book a pickup slot."))
        if not self.coop_cycle_id._takes_orders():
            raise UserError(
                self.env._(
                    "The order cycle is closed: the pickup slot can't change any more."
                )
            )
        if slot and not self._coop_slot_fits(slot):
            if slot.cycle_id != self.coop_cycle_id:
                raise UserError(
                    self.env._("This pickup slot is not part of the order's cycle.")
                )
            raise UserError(
                self.env._("This pickup slot is not at the chosen pickup point.")
            )
        # All or nothing, even for a caller that catches the error and goes
        # on (the portal shows it on the page): a full slot keeps the order
        # in its previous one.
        with self.env.cr.savepoint():
            self._coop_release_pickup_slot()
            if slot:
                slot._take_place(self)
                # sudo: members book a slot on their cart, not by writing it.
                self.sudo().with_context(coop_slot_owner=SLOT_OWNER).write(
                    {
                        "coop_point_id": (self.coop_point_id or slot.point_id).id,
                    }
                )
        return True

    def _coop_slot_fits(self, slot):
        """The one predicate "this slot fits this order": in the order's
        cycle, at its pickup point (an order taken by the staff may have no
        point yet: the slot's point is then taken), of the kind its delivery
        mode books (a pickup slot without a mode)."""
        self.ensure_one()
        return (
            slot.cycle_id == self.coop_cycle_id
            and (not self.coop_point_id or slot.point_id == self.coop_point_id)
            and slot.kind == (self.carrier_id._coop_slot_kind() or "pickup")
        )

    # ------------------------------------------------------------------
    # Shop: cycle of the cart
    # ------------------------------------------------------------------

    def _cart_update(self, product_id, line_id=None, add_qty=0, set_qty=0, **kwargs):
        """Members order from the open cycle only: checked before anything is
        written, with a message that says why."""
        if self.website_id.coop_cycle_shop and (add_qty or set_qty):
            self._coop_check_cart_cycle(product_id)
        return super()._cart_update(
            product_id, line_id=line_id, add_qty=add_qty, set_qty=set_qty, **kwargs
        )

    def _coop_check_cart_cycle(self, product_id):
        """A basket belongs to one cycle: the one the shop shows (chosen by
        the member when several are open), and only while it is open."""
        self.ensure_one()
        website = self.website_id
        cycle = website._coop_open_cycle()
        if not cycle:
            raise UserError(
                self.env._(
                    "Ordering is closed: no order cycle is open. The next cycle"
                    " opens soon, see you then!"
                )
            )
        if self.coop_cycle_id and self.coop_cycle_id != cycle:
            if self.coop_cycle_id in website._coop_open_cycles():
                raise UserError(
                    self.env._(
                        "Your basket belongs to the cycle %(cycle)s: a basket"
                        " holds one cycle's products. Finish this order, or"
                        " empty your basket, to order in %(other)s.",
                        cycle=self.coop_cycle_id.name,
                        other=cycle.name,
                    )
                )
            raise UserError(
                self.env._(
                    "Your basket belongs to the cycle %(cycle)s, which is closed:"
                    " empty it to order in the current cycle.",
                    cycle=self.coop_cycle_id.name,
                )
            )
        cycle._check_accepts(self.partner_id)
        if not cycle._line_of(self.env["product.product"].browse(product_id)):
            raise UserError(
                self.env._("This product is not on offer in the current cycle.")
            )
        if not self.coop_cycle_id:
            self.coop_cycle_id = cycle

    def _verify_updated_quantity(self, order_line, product_id, new_qty, **kwargs):
        """Never beyond what producers still offer in the cycle."""
        new_qty, warning = super()._verify_updated_quantity(
            order_line, product_id, new_qty, **kwargs
        )
        if not self.coop_cycle_id:
            return new_qty, warning
        line = self.coop_cycle_id._line_of(
            self.env["product.product"].browse(product_id)
        )
        if not line:
            return 0, self.env._("This product is not on offer in the current cycle.")
        # What others ordered meanwhile (and this cart) counts: read it now.
        line.invalidate_recordset(["ordered_qty", "remaining_qty", "unlimited"])
        available = line._available_qty() + (order_line.product_uom_qty or 0.0)
        if new_qty > available:
            return available, self.env._(
                "Only %(qty)s left of this product in this cycle: your basket"
                " holds what is left.",
                qty=int(available) if available == int(available) else available,
            )
        return new_qty, warning

    # ------------------------------------------------------------------
    # Checkout: pickup point and slot
    # ------------------------------------------------------------------

    def set_delivery_line(self, carrier, amount):
        self._coop_release_for_carrier(carrier)
        return super().set_delivery_line(carrier, amount)

    def _coop_release_for_carrier(self, carrier):
        """Give back the point and slot the new delivery method doesn't
        book (pickup → home delivery, and back). Judged on what the order
        holds, not on its previous method: the shop removes the method's
        line, and with it the method, before setting the new one."""
        kind = carrier._coop_slot_kind()
        for order in self:
            held = order.coop_slot_id.kind or (order.coop_point_id and "pickup")
            if held and held != kind:
                order._coop_set_pickup_point(self.env["coop.pickup.point"])

    def _coop_delivery_addresses(self, addresses):
        """The addresses the checkout offers for a delivery to her door:
        hers first, never the copies of pickup points Odoo keeps as her
        child contacts after each pickup order (her home was the fourth card
        behind three "L'Épicerie (Lille-Fives)")."""
        self.ensure_one()
        Point = self.env["coop.pickup.point"]
        own = addresses.filtered(
            lambda address: (
                not address.parent_id or not Point._coop_is_point_address(address)
            )
        )
        customer = self.partner_id
        return own.filtered(lambda a: a == customer) | own.filtered(
            lambda a: a != customer
        )

    @api.depends("partner_id")
    def _compute_partner_shipping_id(self):
        """A new basket is delivered to her, not to the last pickup point
        Odoo copied as her "delivery address" (the bikes then refused it)."""
        res = super()._compute_partner_shipping_id()
        Point = self.env["coop.pickup.point"]
        for order in self:
            shipping = order.partner_shipping_id
            if (
                shipping
                and shipping != order.partner_id
                and Point._coop_is_point_address(shipping)
            ):
                order.partner_shipping_id = order.partner_id
        return res

    def _set_pickup_location(self, pickup_location_data):
        """For coop pickup points, only the id sent by the browser is used:
        the point must be one the carrier serves, and its address is taken
        from the database."""
        if not self.carrier_id._coop_needs_point():
            return super()._set_pickup_location(pickup_location_data)
        self.ensure_one()
        point = self.env["coop.pickup.point"]
        try:
            data = json.loads(pickup_location_data or "{}") or {}
            point_id = int(data["id"]) if data.get("id") else None
        except (ValueError, TypeError, AttributeError) as exc:
            raise UserError(self.env._("Unknown pickup point.")) from exc
        if point_id:
            point = self.carrier_id._coop_pickup_points().filtered(
                lambda p: p.id == point_id
            )
            if not point:
                raise UserError(self.env._("Unknown pickup point."))
        self._coop_set_pickup_point(point)

    def _coop_set_pickup_point(self, point):
        self.ensure_one()
        if point != self.coop_point_id:
            self._coop_release_pickup_slot()
        self.write(
            {
                "coop_point_id": point.id,
                "pickup_location_data": point._location_values() if point else {},
            }
        )

    def _coop_bookable_slots(self, all_points=False):
        """Slots this cart can book that haven't started (full ones
        included: the page shows them as full)."""
        self.ensure_one()
        domain = self._coop_bookable_slot_domain(all_points=all_points)
        if domain is None:
            return self.env["coop.slot"]
        # sudo: members read slots, the cart is theirs (already checked).
        return (
            self.env["coop.slot"]
            .sudo()
            .search(
                domain + [("start_datetime", ">", fields.Datetime.now())],
                order="point_id, start_datetime",
            )
        )

    def _coop_bookable_slot_domain(self, all_points=False):
        """The slots this cart may book, as its delivery mode says (None:
        nothing to book yet)."""
        self.ensure_one()
        return self.carrier_id._coop_slot_domain(self, all_points=all_points)

    def _coop_needs_slot(self):
        """Whether the checkout has a slot step for this cart's delivery
        method."""
        self.ensure_one()
        return bool(self.carrier_id._coop_slot_kind())

    def _coop_slot_from_request(self, slot_id, all_points=False):
        """The slot a browser asks for, only among this cart's bookable
        slots."""
        self.ensure_one()
        try:
            slot_id = int(slot_id)
        except (TypeError, ValueError) as exc:
            raise UserError(self.env._("Please choose a pickup slot.")) from exc
        slot = self._coop_bookable_slots(all_points=all_points).filtered(
            lambda s: s.id == slot_id
        )
        if not slot:
            raise UserError(self.env._("This pickup slot can't be chosen."))
        return slot

    def _coop_change_pickup(self, slot):
        """Move a confirmed order to ``slot``, and to its point when it is
        another one the carrier serves: all or nothing (a full slot keeps
        the order at its point and slot)."""
        self.ensure_one()
        if slot.point_id == self.coop_point_id:
            return self._coop_set_pickup_slot(slot)
        if slot.point_id not in self.carrier_id._coop_pickup_points():
            raise UserError(self.env._("Unknown pickup point."))
        with self.env.cr.savepoint():
            self._coop_set_pickup_point(slot.point_id)
            self._coop_set_pickup_slot(slot)
        return True

    def _check_cart_is_ready_to_be_paid(self):
        """The server's last word before payment: point, slot and cycle are
        checked again, whatever the browser sent; so is the basket
        minimum."""
        self.carrier_id._coop_check_ready(self)
        if message := self._coop_basket_minimum_message():
            raise ValidationError(message)
        if self.coop_cycle_id:
            self.coop_cycle_id._check_accepts(self.partner_id)
        return super()._check_cart_is_ready_to_be_paid()

    def _coop_basket_minimum(self):
        """The smallest basket of the order's cycle (its own, else its
        website's; 0: none)."""
        self.ensure_one()
        if not self.coop_cycle_id:
            return 0.0
        return (
            self.coop_cycle_id.min_basket_amount
            or self.website_id.coop_min_basket_amount
            or 0.0
        )

    def _coop_basket_minimum_message(self):
        """What the member must add to reach the basket minimum (goods,
        taxes included, delivery excluded), or None."""
        self.ensure_one()
        minimum = self._coop_basket_minimum()
        if not minimum:
            return None
        goods = sum(
            self.order_line.filtered(
                lambda l: not l.is_delivery and not l.display_type
            ).mapped("price_total")
        )
        missing = self.currency_id.round(minimum - goods)
        if self.currency_id.compare_amounts(missing, 0) <= 0:
            return None
        return self.env._(
            "The minimum basket of this cycle is %(minimum)s: add %(missing)s"
            " more to order.",
            minimum=format_amount(self.env, minimum, self.currency_id),
            missing=format_amount(self.env, missing, self.currency_id),
        )

    def _send_order_notification_mail(self, mail_template):
        """A mail that can't be built (its PDF quotation attached: no
        wkhtmltopdf, a broken report) must never block the confirmation or
        the payment around it: the order goes on, the failure is logged."""
        try:
            with self.env.cr.savepoint():
                return super()._send_order_notification_mail(mail_template)
        except Exception:
            _logger.exception(
                "Order notification of %s not sent (mail template %s)",
                self.ids,
                mail_template.id,
            )
            return None

    def _send_order_confirmation_mail(self):
        """A cycle's order is confirmed to its member by the coop's own
        message, posted at confirmation (``_action_confirm``: pickup or
        delivery, goods, money). Odoo's would be a second e-mail, with the
        quotation's PDF attached, whose rendering (wkhtmltopdf, 2.5 to 4 s
        on the demo) held the member's checkout."""
        return super(
            SaleOrder, self - self.filtered("coop_cycle_id")
        )._send_order_confirmation_mail()

    def _send_payment_succeeded_for_order_mail(self):
        """Same for the "payment received" e-mail of an order paid at
        pickup: the coop's message says what is left to pay."""
        return super(
            SaleOrder, self - self.filtered("coop_cycle_id")
        )._send_payment_succeeded_for_order_mail()

    def action_confirm(self):
        # Whoever confirms (the shop's payment, the standing baskets' job,
        # the staff, RPC): a cycle's order is its members'.
        for order in self.filtered("coop_cycle_id"):
            order.coop_cycle_id._check_accepts(order.partner_id)
        return super().action_confirm()

    def _action_confirm(self):
        res = super()._action_confirm()
        # The member's pickup details, in their language, by email.
        for order in self.filtered("coop_slot_id"):
            order.with_context(lang=order.partner_id.lang)._coop_message_post(
                "coop_marketplace.message_pickup_slot",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=order.partner_id.ids,
            )
        return res
