# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import time
from collections import defaultdict

from odoo import Command, models
from odoo.exceptions import UserError

from .round_planner import plan_rounds

_logger = logging.getLogger(__name__)


class CoopOrderCycle(models.Model):
    """The bike rounds of a cycle: built at the close (or the day before
    delivery, by the button), one per delivery slot and courier."""

    _inherit = "coop.order.cycle"

    def _group_deliveries(self, orders):
        deliveries = orders.filtered(lambda o: o.coop_slot_id.kind == "delivery")
        res = super()._group_deliveries(orders - deliveries)
        self._coop_build_rounds(deliveries)
        return res

    def action_coop_build_rounds(self):
        """Build the rounds of the confirmed deliveries not in a round yet
        (a round already built is left as it is: delete it to rebuild)."""
        self.ensure_one()
        if self.state not in ("open", "closed"):
            raise UserError(self.env._("Rounds are built for an open or closed cycle."))
        orders = self.env["sale.order"].search(
            [
                ("coop_cycle_id", "=", self.id),
                ("state", "=", "sale"),
                ("coop_slot_id.kind", "=", "delivery"),
            ]
        )
        self._coop_build_rounds(orders)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_bike_delivery.stock_picking_batch_action_round"
        )
        action["domain"] = [
            ("coop_cycle_id", "=", self.id),
            ("coop_is_round", "=", True),
        ]
        return action

    def _coop_build_rounds(self, orders):
        """One batch per delivery slot and courier, stops in the order of
        the round planner (round_planner.py); only deliveries that aren't in
        a round yet. Returns the new rounds."""
        self.ensure_one()
        started = time.monotonic()
        Batch = self.env["stock.picking.batch"]
        by_slot = defaultdict(lambda: self.env["stock.picking"])
        for order in orders:
            by_slot[order.coop_slot_id] |= order.picking_ids.filtered(
                lambda p: (
                    p.picking_type_code == "outgoing"
                    and p.state not in ("done", "cancel")
                    and not p.coop_round_id
                )
            )
        rounds = Batch
        for slot, pickings in sorted(by_slot.items(), key=lambda sp: sp[0].id):
            if not pickings:
                continue
            rounds |= self._coop_build_slot_rounds(slot, pickings)
        if rounds:
            _logger.info(
                "Cycle %s: %d bike rounds of %d stops built in %.2f s",
                self.name,
                len(rounds),
                sum(len(batch.coop_stop_ids) for batch in rounds),
                time.monotonic() - started,
            )
        return rounds

    def _coop_build_slot_rounds(self, slot, pickings):
        zones = self.env["coop.delivery.zone"].search(
            [("hub_point_id", "=", slot.point_id.id)]
        )
        zone = zones[:1]
        hub_address = slot.point_id.partner_id
        hub = (
            (zone.hub_latitude, zone.hub_longitude)
            if zone and (zone.hub_latitude or zone.hub_longitude)
            else (hub_address.partner_latitude, hub_address.partner_longitude)
        )
        stops = []
        for picking in pickings:
            partner = picking.partner_id
            located = partner.partner_latitude or partner.partner_longitude
            stops.append(
                (
                    picking.id,
                    (partner.partner_latitude, partner.partner_longitude)
                    if located
                    else None,
                    (partner.zip or "", partner.street or "", picking.id),
                )
            )
        # More stops than places happens only if the couriers were cut after
        # the bookings: then each round takes more than planned.
        couriers = max(slot.courier_count, 1)
        per_round = max(slot.deliveries_per_round, -(-len(stops) // couriers))
        planned = plan_rounds(hub, stops, couriers, per_round)
        capacity = pickings.carrier_id[:1].coop_bike_capacity_kg
        Picking = self.env["stock.picking"]
        vals_list = []
        for index, keys in enumerate(planned):
            courier = slot.courier_ids[index : index + 1]
            vals_list.append(
                {
                    "description": self.env._(
                        "Round %(number)s · %(slot)s",
                        number=index + 1,
                        slot=slot.display_name,
                    ),
                    "company_id": self.company_id.id,
                    "user_id": courier.id,
                    "picking_type_id": pickings.picking_type_id[:1].id,
                    "scheduled_date": slot.start_datetime,
                    "coop_cycle_id": self.id,
                    "coop_slot_id": slot.id,
                    "coop_is_round": True,
                    "coop_capacity_kg": capacity,
                    "picking_ids": [Command.set(keys)],
                }
            )
        rounds = self.env["stock.picking.batch"].create(vals_list)
        for batch, keys in zip(rounds, planned, strict=True):
            for sequence, picking_id in enumerate(keys, start=1):
                Picking.browse(picking_id).write(
                    {
                        "coop_round_id": batch.id,
                        "coop_stop_sequence": sequence,
                        "scheduled_date": slot.start_datetime,
                    }
                )
        rounds.picking_ids.sale_id.coop_delivery_state = "planned"
        return rounds
