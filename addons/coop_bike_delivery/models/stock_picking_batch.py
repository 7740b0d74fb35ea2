# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import io
import json
from urllib.parse import quote

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class StockPickingBatch(models.Model):
    """A bike round: the deliveries of one slot ridden by one courier, in
    the order of the round planner (see round_planner.py)."""

    _inherit = "stock.picking.batch"

    coop_is_round = fields.Boolean(string="Bike round", readonly=True, copy=False)
    coop_stop_ids = fields.One2many(
        "stock.picking", "coop_round_id", string="Stops", readonly=True
    )
    coop_capacity_kg = fields.Float(
        string="Bike load (kg)", help="What the bike of this round carries."
    )
    coop_stop_count = fields.Integer(
        string="Number of stops", compute="_compute_coop_load"
    )
    coop_load_kg = fields.Float(
        string="Load (kg)", compute="_compute_coop_load", digits="Stock Weight"
    )
    coop_overloaded = fields.Boolean(
        string="Over the bike's load", compute="_compute_coop_load"
    )
    coop_round_state = fields.Selection(
        [("planned", "Prepared"), ("out", "On its way"), ("done", "Finished")],
        string="Round",
        compute="_compute_coop_round_state",
    )

    @api.depends("coop_stop_ids", "coop_stop_ids.weight", "coop_capacity_kg")
    def _compute_coop_load(self):
        for batch in self:
            # sudo: a courier reads the load of their round, not the moves.
            stops = batch.sudo().coop_stop_ids
            batch.coop_stop_count = len(stops)
            batch.coop_load_kg = sum(stops.mapped("weight"))
            batch.coop_overloaded = bool(
                batch.coop_capacity_kg and batch.coop_load_kg > batch.coop_capacity_kg
            )

    @api.depends("coop_stop_ids.sale_id.coop_delivery_state")
    def _compute_coop_round_state(self):
        for batch in self:
            states = set(
                batch.sudo().coop_stop_ids.sale_id.mapped("coop_delivery_state")
            )
            if not batch.coop_is_round:
                batch.coop_round_state = False
            elif states and states <= {"delivered", "missed"}:
                batch.coop_round_state = "done"
            elif "out" in states:
                batch.coop_round_state = "out"
            else:
                batch.coop_round_state = "planned"

    # === Who rides it === #

    def _coop_check_rider(self):
        """The round's courier, or stock staff, may work the round; the
        record rules already hide other couriers' rounds."""
        self.check_access("read")
        user = self.env.user
        for batch in self:
            if not batch.coop_is_round:
                raise UserError(self.env._("This transfer batch is not a bike round."))
            if batch.user_id != user and not user.has_group("stock.group_stock_user"):
                raise AccessError(self.env._("This round is another courier's."))

    def _coop_stop(self, picking_id):
        """The stop ``picking_id`` of this round (a browser sends the id)."""
        self.ensure_one()
        # sudo: the courier doesn't read transfers; the stop is looked up
        # among this round's only.
        stop = self.sudo().coop_stop_ids.filtered(lambda p: p.id == picking_id)
        if not stop:
            raise UserError(self.env._("This stop is not on the round."))
        return stop

    # === The round's life === #

    def action_coop_depart(self):
        """The courier leaves the hub: every stop still to deliver is on its
        way, and its member is told by email."""
        self._coop_check_rider()
        for batch in self:
            orders = batch.sudo().coop_stop_ids.sale_id
            to_weigh = orders.filtered("coop_to_weigh")
            if to_weigh:
                raise UserError(
                    self.env._(
                        "Weigh %(orders)s before the round leaves: the members"
                        " pay their real weight.",
                        orders=", ".join(to_weigh.mapped("name")),
                    )
                )
            for order in orders.filtered(lambda o: o.coop_delivery_state == "planned"):
                order.coop_delivery_state = "out"
                order.with_context(lang=order.partner_id.lang)._coop_message_post(
                    "coop_bike_delivery.message_round_departed",
                    render_values={"batch": batch},
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=order.partner_id.ids,
                )
            if batch.state == "draft" and batch.sudo().picking_ids:
                # On its way: the batch reads "En cours", not "Brouillon"
                # with a "Confirmer" button. sudo: couriers are no stock
                # users; _coop_check_rider allowed this round.
                batch.sudo().action_confirm()
        return True

    def action_coop_stop_delivered(self, picking_id):
        """The courier handed the order over: its delivery is validated."""
        self._coop_check_rider()
        order = self._coop_stop(picking_id).sale_id
        if order.coop_delivery_state not in ("planned", "out"):
            raise UserError(self.env._("This stop is already settled."))
        order._coop_hand_over()
        order.coop_delivery_state = "delivered"
        order._coop_message_post(
            body=self.env._("Delivered by %(courier)s.", courier=self.env.user.name)
        )
        return True

    def action_coop_stop_missed(self, picking_id, reason):
        """Nobody took the order: it goes back to the hub, where the member
        collects it as a pickup order; they are told by email why and
        where."""
        self._coop_check_rider()
        reason = " ".join((reason or "").split())
        if not reason:
            raise UserError(self.env._("Say why the order couldn't be delivered."))
        order = self._coop_stop(picking_id).sale_id
        if order.coop_delivery_state not in ("planned", "out"):
            raise UserError(self.env._("This stop is already settled."))
        order.write({"coop_delivery_state": "missed", "coop_missed_reason": reason})
        order.with_context(lang=order.partner_id.lang)._coop_message_post(
            "coop_bike_delivery.message_delivery_missed",
            render_values={"reason": reason, "point": order.coop_point_id},
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=order.partner_id.ids,
        )
        return True

    # === What the courier and the dispatch tools read === #

    def _coop_round_stops(self):
        """The stops in order, with what a courier needs and nothing more:
        who, where, how to reach them, what to hand over. The one source of
        the phone screen, the round sheet and the exports."""
        self.ensure_one()
        stops = []
        # sudo: couriers read their round's stops through this list only.
        for picking in self.sudo().coop_stop_ids.sorted("coop_stop_sequence"):
            order = picking.sale_id
            partner = picking.partner_id
            address = ", ".join(
                part
                for part in (
                    partner.street,
                    partner.street2,
                    " ".join(p for p in (partner.zip, partner.city) if p),
                )
                if part
            )
            located = bool(partner.partner_latitude or partner.partner_longitude)
            stops.append(
                {
                    "id": picking.id,
                    "sequence": picking.coop_stop_sequence,
                    "order": order.name,
                    "name": partner.name or order.partner_id.name,
                    "address": address,
                    "phone": partner.phone or order.partner_id.phone or "",
                    "notes": order.coop_delivery_notes or "",
                    "items": [
                        _item(move)
                        for move in picking.move_ids
                        if move.state != "cancel"
                    ],
                    "weight": picking.weight,
                    "latitude": partner.partner_latitude if located else None,
                    "longitude": partner.partner_longitude if located else None,
                    "map_url": (
                        f"geo:{partner.partner_latitude},{partner.partner_longitude}"
                        f"?q={quote(address)}"
                        if located
                        else f"geo:0,0?q={quote(address)}"
                    ),
                    "osm_url": (
                        "https://www.openstreetmap.org/?mlat="
                        f"{partner.partner_latitude}&mlon={partner.partner_longitude}"
                        "#map=18/"
                        f"{partner.partner_latitude}/{partner.partner_longitude}"
                        if located
                        else "https://www.openstreetmap.org/search?query="
                        + quote(address)
                    ),
                    "state": order.coop_delivery_state,
                    "missed_reason": order.coop_missed_reason or "",
                }
            )
        return stops

    def _coop_export_csv(self):
        """The round as CSV (one row per stop), for a dispatch tool."""
        self.ensure_one()
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                "stop",
                "order",
                "name",
                "address",
                "phone",
                "latitude",
                "longitude",
                "weight_kg",
                "items",
                "notes",
            ]
        )
        for stop in self._coop_round_stops():
            writer.writerow(
                [
                    stop["sequence"],
                    stop["order"],
                    stop["name"],
                    stop["address"],
                    stop["phone"],
                    "" if stop["latitude"] is None else stop["latitude"],
                    "" if stop["longitude"] is None else stop["longitude"],
                    round(stop["weight"], 3),
                    "; ".join(item["label"] for item in stop["items"]),
                    stop["notes"],
                ]
            )
        return out.getvalue()

    def _coop_export_geojson(self):
        """The round as a GeoJSON FeatureCollection: one point per stop with
        coordinates (those without are listed with a null geometry)."""
        self.ensure_one()
        features = [
            {
                "type": "Feature",
                "geometry": (
                    None
                    if stop["latitude"] is None
                    else {
                        "type": "Point",
                        # GeoJSON: longitude first.
                        "coordinates": [stop["longitude"], stop["latitude"]],
                    }
                ),
                "properties": {
                    key: stop[key]
                    for key in (
                        "sequence",
                        "order",
                        "name",
                        "address",
                        "phone",
                        "notes",
                        "weight",
                    )
                },
            }
            for stop in self._coop_round_stops()
        ]
        return json.dumps(
            {"type": "FeatureCollection", "name": self.name, "features": features},
            ensure_ascii=False,
            indent=1,
        )

    def action_coop_export(self, kind="csv"):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/coop_bike/round/{self.id}/export.{kind}",
            "target": "download",
        }

    def action_coop_export_geojson(self):
        return self.action_coop_export("geojson")


def _item(move):
    """What to hand over: "2 × Poireaux (1 kg)", "1.5 kg Carottes"."""
    quantity, uom = move.product_uom_qty, move.product_uom
    product = move.product_id.display_name
    unit = uom == move.env.ref("uom.product_uom_unit", raise_if_not_found=False)
    return {
        "product": product,
        "quantity": quantity,
        "uom": uom.name,
        "label": f"{quantity:g} × {product}"
        if unit
        else f"{quantity:g} {uom.name} {product}",
    }
