# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class SaleOrder(models.Model):
    """Pickup day: the volunteers hand the orders over."""

    _inherit = "sale.order"

    coop_collected = fields.Boolean(
        string="Collected",
        compute="_compute_coop_collected",
        help="Every delivery of the order is done.",
    )

    # Computed with coop_amount_due (sale_order_edit.py): one look at the
    # money's owner for both.
    coop_amount_to_collect = fields.Monetary(
        string="To pay at pickup",
        compute="_compute_coop_amount_due",
        help="What the member still pays when she collects her order: the"
        " whole order when she pays at pickup, the difference of an order"
        " paid online then increased, nothing when it is paid.",
    )

    @api.depends("picking_ids.state")
    def _compute_coop_collected(self):
        for order in self:
            # sudo: volunteers read the pickup status, not the transfers.
            deliveries = order.sudo().picking_ids.filtered(
                lambda p: p.picking_type_code == "outgoing" and p.state != "cancel"
            )
            order.coop_collected = bool(deliveries) and all(
                p.state == "done" for p in deliveries
            )

    def action_coop_mark_collected(self):
        """The member collected their order: its delivery is validated with
        the ordered quantities."""
        if not self.env.user.has_group("coop_marketplace.group_coop_pickup_volunteer"):
            raise AccessError(
                self.env._("Only pickup volunteers tick orders as collected.")
            )
        for order in self:
            if order.state != "sale" or not order.coop_slot_id:
                raise UserError(
                    self.env._(
                        "%(order)s is not a confirmed order with a pickup slot.",
                        order=order.name,
                    )
                )
        self._coop_hand_over()
        return True

    def _coop_hand_over(self):
        """The member got their order (at the point or at home): its
        deliveries are validated with the ordered quantities, and what was
        left to pay is collected. The one path of "handed over"; its
        callers check who may say so."""
        for order in self:
            if order.coop_to_weigh:
                raise UserError(
                    self.env._(
                        "%(order)s has goods sold by weight: weigh them first"
                        " (button “Weigh”), the member pays their real weight.",
                        order=order.name,
                    )
                )
            # sudo: volunteers and couriers are not stock users; they
            # validate exactly the deliveries of the order they hand over.
            deliveries = order.sudo().picking_ids.filtered(
                lambda p: (
                    p.picking_type_code == "outgoing"
                    and p.state not in ("done", "cancel")
                )
            )
            # Goods taken off at the close (a shortage, a producer's
            # minimum) left a cancelled move: nothing of it is handed over.
            for move in deliveries.move_ids.filtered(lambda m: m.state != "cancel"):
                move.quantity = move.product_uom_qty
                move.picked = True
            deliveries.with_context(
                skip_backorder=True, picking_ids_not_to_backorder=deliveries.ids
            )._action_done()
        # What was left to pay is paid at the hand-over.
        self._coop_collect_due()
