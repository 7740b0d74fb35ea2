# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class CoopCollectionRound(models.Model):
    """A dated collection route: ordered producer stops, their loads, the
    receipts to validate on the way, and a warning past the vehicle's
    capacity."""

    _name = "coop.collection.round"
    _description = "Collection round"
    _order = "date desc, id desc"

    name = fields.Char(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    driver_id = fields.Many2one("res.users")
    vehicle_capacity_kg = fields.Float(string="Vehicle capacity (kg)")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    pooling_id = fields.Many2one(
        "coop.pooling",
        help="Its confirmed purchase orders become the stops of this round.",
    )
    stop_ids = fields.One2many("coop.collection.stop", "round_id", string="Stops")
    # The stops the current user may read: a producer's own stop(s) of the
    # round (record rules), the whole round for logistics staff. The producer
    # form lists these: the other farms' stops are not theirs to read.
    visible_stop_ids = fields.One2many(
        "coop.collection.stop",
        string="My stops",
        compute="_compute_visible_stop_ids",
    )
    load_kg = fields.Float(string="Load (kg)", compute="_compute_load")
    load_items = fields.Float(string="Items", compute="_compute_load")
    over_capacity = fields.Boolean(compute="_compute_load")
    batch_id = fields.Many2one(
        "stock.picking.batch",
        string="Receipts batch",
        readonly=True,
        copy=False,
        groups="stock.group_stock_user",
    )

    _sql_constraints = [
        (
            "capacity_positive",
            "CHECK(vehicle_capacity_kg >= 0)",
            "A vehicle capacity can't be negative.",
        ),
    ]

    def write(self, vals):
        res = super().write(vals)
        if "driver_id" in vals:
            # The receipts' batch is the round's: its responsible is the
            # round's driver (sudo: the batch field is stock users').
            for round_ in self.sudo().filtered("batch_id"):
                round_.batch_id.user_id = round_.driver_id
        return res

    @api.depends_context("uid")
    def _compute_visible_stop_ids(self):
        # One search for the batch; the record rules do the filtering.
        stops = self.env["coop.collection.stop"].search([("round_id", "in", self.ids)])
        by_round = stops.grouped("round_id")
        for round_ in self:
            round_.visible_stop_ids = by_round.get(round_, stops.browse())

    @api.depends("stop_ids.load_kg", "stop_ids.load_items", "vehicle_capacity_kg")
    def _compute_load(self):
        for round_ in self:
            round_.load_kg = sum(round_.stop_ids.mapped("load_kg"))
            round_.load_items = sum(round_.stop_ids.mapped("load_items"))
            round_.over_capacity = bool(
                round_.vehicle_capacity_kg
                and round_.load_kg > round_.vehicle_capacity_kg
            )

    def action_add_purchase_orders(self, orders):
        """One stop per producer of ``orders`` (confirmed purchase orders),
        appended in the order of their distance."""
        self.ensure_one()
        if orders.filtered(lambda o: o.state not in ("purchase", "done")):
            raise UserError(self.env._("Only confirmed purchase orders are collected."))
        stops = {stop.producer_id: stop for stop in self.stop_ids}
        sequence = max(self.stop_ids.mapped("sequence"), default=0)
        for producer in orders.partner_id.sorted(lambda p: (p.coop_distance_km, p.id)):
            producer_orders = orders.filtered(lambda o, p=producer: o.partner_id == p)
            if producer in stops:
                stops[producer].purchase_order_ids |= producer_orders
                continue
            sequence += 10
            self.env["coop.collection.stop"].create(
                {
                    "round_id": self.id,
                    "sequence": sequence,
                    "producer_id": producer.id,
                    "purchase_order_ids": [Command.set(producer_orders.ids)],
                }
            )
        return True

    def action_add_pooling_orders(self):
        self.ensure_one()
        orders = self.pooling_id.purchase_order_ids.filtered(
            lambda o: o.state in ("purchase", "done")
        )
        if not orders:
            raise UserError(
                self.env._("The pooling has no confirmed purchase order to collect.")
            )
        return self.action_add_purchase_orders(orders)

    def action_validate_receipts(self):
        """Validate the round's receipts batch (what was collected)."""
        self.ensure_one()
        if not self.batch_id:
            self.action_group_receipts()
        return self.batch_id.action_done()

    def action_group_receipts(self):
        """Group the receipts still to validate of every stop in one batch
        transfer (created once, completed when stops are added)."""
        self.ensure_one()
        receipts = self.stop_ids.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        if not receipts:
            raise UserError(self.env._("This round has no receipt to validate."))
        if self.batch_id and self.batch_id.state in ("done", "cancel"):
            raise UserError(
                self.env._("The receipts batch of this round is already closed.")
            )
        if not self.batch_id:
            self.batch_id = self.env["stock.picking.batch"].create(
                {
                    "description": self.name,
                    "user_id": self.driver_id.id,
                    "company_id": self.company_id.id,
                    "picking_type_id": receipts.picking_type_id[:1].id,
                    "scheduled_date": fields.Datetime.to_datetime(self.date),
                }
            )
        (receipts - self.batch_id.picking_ids).batch_id = self.batch_id
        return self.action_view_batch()

    def action_view_batch(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking.batch",
            "res_id": self.batch_id.id,
            "view_mode": "form",
        }
