# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

# The close, step by step: each step is one transaction of the background
# close (a step interrupted is run again whole, a step done never twice).
CLOSE_STEPS = ["carts", "minimums", "pooling", "shortages", "deliveries", "lock"]


class CoopOrderCycle(models.Model):
    """A short-circuit ordering round: members order the offered products
    between the opening and the closing, then collect them in a pickup slot
    between the pickup dates.

    draft → open (slots generated, shop open) → closed (orders locked; the
    close is extended by pooling and distribution) → done.
    """

    _name = "coop.order.cycle"
    _description = "Order cycle"
    _order = "open_datetime desc, id desc"

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    open_datetime = fields.Datetime(string="Opens on", required=True)
    close_datetime = fields.Datetime(string="Closes on", required=True)
    pickup_date_from = fields.Date(string="Pickup from", required=True)
    pickup_date_to = fields.Date(string="Pickup until", required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Open"),
            ("closing", "Closing"),
            ("closed", "Closed"),
            ("done", "Done"),
        ],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
    )
    # The close's next step while the cycle is closing (see CLOSE_STEPS).
    close_step = fields.Selection(
        [
            ("carts", "Carts cancelled"),
            ("minimums", "Producer minimums"),
            ("pooling", "Producer orders"),
            ("shortages", "Shortages"),
            ("deliveries", "Deliveries grouped"),
            ("lock", "Orders locked"),
        ],
        string="Closing step",
        readonly=True,
        copy=False,
    )
    close_progress = fields.Integer(
        string="Close progress (%)", compute="_compute_close_progress"
    )
    website_id = fields.Many2one(
        "website",
        string="Sold on",
        domain="[('company_id', '=', company_id)]",
        help="The website that sells this cycle; empty: every website of the"
        " company whose shop follows order cycles.",
    )
    members_only = fields.Boolean(
        default=True, help="Only members can order in this cycle on the shop."
    )
    line_ids = fields.One2many(
        "coop.order.cycle.line", "cycle_id", string="Offered products", copy=True
    )
    producer_ids = fields.Many2many(
        "res.partner",
        string="Producers",
        domain=[("coop_is_producer", "=", True)],
        help="Add products of these producers adds every product they sell "
        "that is not offered yet.",
    )
    pooling_id = fields.Many2one(
        "coop.pooling",
        readonly=True,
        copy=False,
        help="The producers' purchase orders of this cycle, made at close.",
    )
    batch_ids = fields.One2many(
        "stock.picking.batch", "coop_cycle_id", string="Distribution batches"
    )
    slot_ids = fields.One2many("coop.slot", "cycle_id", string="Slots")
    slot_count = fields.Integer(compute="_compute_slot_count")

    _sql_constraints = [
        (
            "close_after_open",
            "CHECK(close_datetime > open_datetime)",
            "A cycle must close after it opens.",
        ),
        (
            "pickup_dates_ordered",
            "CHECK(pickup_date_to >= pickup_date_from)",
            "The last pickup date can't be before the first one.",
        ),
    ]

    # === COMPUTE METHODS === #

    @api.depends("slot_ids")
    def _compute_slot_count(self):
        groups = self.env["coop.slot"]._read_group(
            [("cycle_id", "in", self._origin.ids)], ["cycle_id"], ["__count"]
        )
        counts = {cycle.id: count for cycle, count in groups}
        for cycle in self:
            cycle.slot_count = counts.get(cycle._origin.id, 0)

    # === CRUD === #

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(cycle.state != "draft" for cycle in self):
            raise UserError(self.env._("Only draft cycles can be deleted."))

    # === ACTIONS === #

    def action_add_producer_products(self):
        """Offer every saleable product of the selected producers that is not
        offered yet (without a quantity limit)."""
        for cycle in self:
            products = self.env["product.product"].search(
                [
                    ("coop_producer_id", "in", cycle.producer_ids.ids),
                    ("sale_ok", "=", True),
                    ("id", "not in", cycle.line_ids.product_id.ids),
                ]
            )
            cycle.line_ids = [
                Command.create({"product_id": product.id}) for product in products
            ]
        self._add_producer_minimums()
        return True

    def action_open(self):
        for cycle in self:
            if cycle.state != "draft":
                raise UserError(
                    self.env._(
                        "Only draft cycles can be opened (%(cycle)s).",
                        cycle=cycle.display_name,
                    )
                )
            if not cycle.line_ids:
                raise UserError(
                    self.env._(
                        "Add at least one product before opening %(cycle)s.",
                        cycle=cycle.display_name,
                    )
                )
        self.state = "open"
        self.line_ids._publish_products()
        self._generate_pickup_slots()
        self._add_producer_minimums()
        # The standing baskets' orders: the job, once the opening is
        # committed (many orders, never inside this request).
        self.env.ref("coop_marketplace.ir_cron_coop_standing_orders")._trigger()
        return True

    def action_create_standing_orders(self):
        """Create now the standing baskets' orders the job would create, and
        try again those that found no place (places may have been added)."""
        self.env["coop.standing.order"]._create_standing_orders(self, retry_missed=True)
        return True

    def action_close(self):
        """The close runs in the background, one step per transaction (the
        job "close the cycles"): the page answers at once, the cycle reads
        "Closing" and its progress until it is closed."""
        self._close_start()
        self.env.ref("coop_marketplace.ir_cron_coop_cycle_close")._trigger()
        return True

    def action_done(self):
        if any(cycle.state != "closed" for cycle in self):
            raise UserError(self.env._("Only closed cycles can be set to done."))
        self.state = "done"
        return True

    def action_reset_draft(self):
        """Back to draft to fix a mistake, only while nobody has ordered:
        the (empty) slots are removed and generated again at opening."""
        orders = (
            self.env["sale.order"]
            .sudo()
            .search_count(
                [("coop_cycle_id", "in", self.ids), ("state", "!=", "cancel")], limit=1
            )
        )
        if orders:
            raise UserError(
                self.env._("Members already ordered in this cycle: it can't be reset.")
            )
        self.slot_ids.unlink()
        self.state = "draft"
        return True

    def action_view_slots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_marketplace.coop_slot_action"
        )
        action["domain"] = [("cycle_id", "=", self.id)]
        action["context"] = {"default_cycle_id": self.id}
        return action

    # === BUSINESS METHODS === #

    @api.depends("state", "close_step")
    def _compute_close_progress(self):
        for cycle in self:
            if cycle.state == "closing" and cycle.close_step:
                done = CLOSE_STEPS.index(cycle.close_step)
                cycle.close_progress = round(100 * done / len(CLOSE_STEPS))
            else:
                cycle.close_progress = 100 if cycle.state in ("closed", "done") else 0

    def _close(self):
        """Close the open cycles among ``self`` now, in this transaction
        (the cron and the button go step by step, ``_cron_close_steps``);
        closed or done ones are left alone, so a second close changes
        nothing. Returns the cycles closed."""
        started = self._close_start()
        closing = (self | started).filtered(lambda cycle: cycle.state == "closing")
        for cycle in closing:
            while cycle.state == "closing":
                cycle._close_run_step()
        return closing

    def _close_start(self):
        """Open cycles become "closing" at their first step: members can't
        order any more. Returns them."""
        to_close = self.filtered(lambda cycle: cycle.state == "open")
        to_close.write({"state": "closing", "close_step": CLOSE_STEPS[0]})
        return to_close

    def _close_run_step(self):
        """Run the cycle's next close step and move on to the one after, in
        the same transaction: a step interrupted (a crash, a killed worker)
        is rolled back whole and run again by the next call, a step
        committed is never run twice. The row lock keeps two workers (the
        job, a manual close) from running the same step."""
        self.ensure_one()
        self.env.cr.execute(
            "SELECT id FROM coop_order_cycle WHERE id = %s FOR UPDATE", [self.id]
        )
        self.invalidate_recordset(["state", "close_step"])
        if self.state != "closing":
            return False
        step = self.close_step or CLOSE_STEPS[0]
        cycle = self.with_company(self.company_id)
        getattr(cycle, f"_close_step_{step}")()
        index = CLOSE_STEPS.index(step)
        if index + 1 < len(CLOSE_STEPS):
            self.close_step = CLOSE_STEPS[index + 1]
        else:
            self.write({"state": "closed", "close_step": False})
        return True

    @api.model
    def _cron_close_steps(self):
        """The background close: one step of one closing cycle per call
        (Odoo commits after each call and calls again while steps remain)."""
        closing = self.search([("state", "=", "closing")], order="close_datetime, id")
        if closing:
            closing[0]._close_run_step()
        remaining = sum(
            len(CLOSE_STEPS) - CLOSE_STEPS.index(cycle.close_step or CLOSE_STEPS[0])
            for cycle in closing.filtered(lambda c: c.state == "closing")
        )
        self.env["ir.cron"]._notify_progress(
            done=1 if closing else 0, remaining=remaining
        )

    def _generate_pickup_slots(self):
        """One slot per active pickup point, template and matching day of
        the pickup dates. Idempotent: an existing slot of the same point
        and start is kept as it is (bookings, edited capacity)."""
        Slot = self.env["coop.slot"]
        vals_list = []
        for cycle in self:
            points = self.env["coop.pickup.point"].search(
                [("company_id", "=", cycle.company_id.id)]
            )
            existing = {(slot.point_id, slot.start_datetime) for slot in cycle.slot_ids}
            day = cycle.pickup_date_from
            while day <= cycle.pickup_date_to:
                for point in points:
                    tz = pytz.timezone(point._tz())
                    for template in point.slot_template_ids:
                        if int(template.weekday) != day.weekday():
                            continue
                        start = self._utc(tz, day, template.hour_from)
                        if (point, start) in existing:
                            continue
                        existing.add((point, start))
                        vals_list.append(
                            template._prepare_slot_values(
                                cycle, start, self._utc(tz, day, template.hour_to)
                            )
                        )
                day += timedelta(days=1)
        return Slot.create(vals_list)

    @api.model
    def _utc(self, tz, day, hours):
        """Naive UTC datetime of ``hours`` (float, local time in ``tz``) on
        ``day``."""
        local = datetime.combine(day, time.min) + timedelta(hours=hours)
        return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _get_open_cycles(self, company=None, website=None):
        """The cycles members can order in now for ``company`` (default: the
        current one), closing first first; with ``website``, those it sells
        (the cycles of every website and its own). A cycle whose closing
        time passed is no longer open, even before the cron closes it."""
        company = company or self.env.company
        domain = [
            ("company_id", "=", company.id),
            ("state", "=", "open"),
            ("close_datetime", ">", fields.Datetime.now()),
        ]
        if website:
            domain.append(("website_id", "in", [False, website.id]))
        # With what the shop's banner shows: no query of its own per page.
        return self.search_fetch(
            domain,
            [
                "name",
                "company_id",
                "members_only",
                "close_datetime",
                "pickup_date_from",
                "pickup_date_to",
            ],
            order="close_datetime, id",
        )

    @api.model
    def _cron_open_and_close(self):
        """Open the draft cycles whose opening time has come (if they offer
        something), close the open ones whose closing time has passed (their
        shortage refunds are sent by their own job, once this is committed)."""
        now = fields.Datetime.now()
        to_open = self.search(
            [
                ("state", "=", "draft"),
                ("open_datetime", "<=", now),
                ("close_datetime", ">", now),
                ("line_ids", "!=", False),
            ]
        )
        to_open.action_open()
        to_close = self.search([("state", "=", "open"), ("close_datetime", "<=", now)])
        if to_close._close_start():
            self.env.ref("coop_marketplace.ir_cron_coop_cycle_close")._trigger()
        return True

    def _tz(self):
        """The coop's time zone, in which a cycle's times are said (the
        shop's banner, the member's pages, messages written by jobs):
        Lille's 21:00 is 21:00 for everyone, visitors included."""
        self.ensure_one()
        # sudo: the company's address card.
        return (
            self.company_id.sudo().partner_id.tz or self.env.user.tz or "Europe/Paris"
        )

    def _takes_orders(self):
        """Whether members can still order, change or cancel in this cycle:
        open, and its closing time not passed. The one rule of the closing
        instant: every path asks here (the shop's cart and payment, the
        portal's change, cancellation and slot, the standing baskets, the
        bike slots), so nothing changes between the closing time and the
        close job's run. No cycle takes no order."""
        if not self:
            return False
        self.ensure_one()
        return self.state == "open" and self.close_datetime > fields.Datetime.now()

    def _accepts(self, partner):
        """Whether ``partner`` may order in this cycle: members-only cycles
        take active members only. The shop's notice and the cart's check both
        ask here."""
        self.ensure_one()
        # sudo: the partner's own membership state (their basket, their
        # page), in the cycle's coop.
        state = (
            partner.commercial_partner_id.sudo()
            .with_company(self.company_id)
            .coop_member_state
        )
        return not self.members_only or state == "active"

    def _check_accepts(self, partner):
        """Refuse ``partner``'s order in this cycle unless she may order in
        it (``_accepts``): the one membership rule of every path into an
        order (the shop's cart and payment, the standing baskets, the
        staff's confirmation, RPC)."""
        self.ensure_one()
        if not self._accepts(partner):
            raise UserError(
                self.env._(
                    "Ordering is reserved to the coop's members: log in with"
                    " your member account, or join the coop."
                )
            )

    def _line_of(self, product):
        """The line offering ``product`` in this cycle (empty if none)."""
        self.ensure_one()
        # One indexed lookup: a cart update must not load the whole offer.
        return self.env["coop.order.cycle.line"].search(
            [("cycle_id", "=", self.id), ("product_id", "=", product.id)], limit=1
        )

    # ------------------------------------------------------------------
    # Close: pooling, shortages, distribution
    # ------------------------------------------------------------------

    def _close_orders(self):
        """All the close steps of one cycle at once (CLOSE_STEPS)."""
        self.ensure_one()
        for step in CLOSE_STEPS:
            getattr(self, f"_close_step_{step}")()

    def _closing_orders(self):
        """The confirmed orders of the cycle, in order of arrival."""
        return self.env["sale.order"].search(
            [("coop_cycle_id", "=", self.id), ("state", "=", "sale")], order="id"
        )

    def _close_step_carts(self):
        """Carts left unpaid are cancelled (their slots given back)."""
        self.env["sale.order"].search(
            [("coop_cycle_id", "=", self.id), ("state", "in", ("draft", "sent"))]
        )._action_cancel()

    def _close_step_minimums(self):
        """Producers below their minimum don't deliver: off the orders
        first, so that pooling orders nothing from them."""
        self._apply_minimums(self._closing_orders())

    def _close_step_pooling(self):
        """One purchase order per producer, in the cycle's company whoever
        closes (the cron runs every company's cycles as one user)."""
        pooling = (
            self.env["coop.pooling"]
            .with_company(self.company_id)
            ._pool(
                f"cycle:{self.id}",
                self._demand(self._closing_orders()),
                offers=self._offers(),
                name=self.name,
                lock=True,
            )
        )
        self.pooling_id = pooling

    def _close_step_shortages(self):
        """What producers can't supply comes off the orders placed last."""
        self._apply_shortages(self._closing_orders(), self.pooling_id.shortage_ids)

    def _close_step_deliveries(self):
        """Deliveries grouped per pickup point and slot."""
        self._group_deliveries(self._closing_orders())

    def _close_step_lock(self):
        self._closing_orders().action_lock()

    def _demand(self, orders):
        """Demand lines for the pooling: one per goods line (never a fee nor
        a payment), the pickup point as destination."""
        return [
            {
                "product_id": line.product_id.id,
                "quantity": line.product_uom_qty,
                "destination": line.order_id.coop_point_id.name or "",
            }
            for line in orders._coop_goods_lines()
            if line.product_uom_qty
        ]

    def _offers(self):
        """The cycle's lines are the producers' offers (0: no limit)."""
        return [
            {
                "producer_id": line.producer_id.id,
                "product_id": line.product_id.id,
                "quantity": line.offered_qty or None,
            }
            for line in self.line_ids
            if line.producer_id
        ]

    def _apply_shortages(self, orders, shortages):
        """What producers can't supply comes off the orders placed last
        (first come, first served); each member concerned is told, and what
        they paid for missing items is to be refunded."""
        missing = {shortage.product_id: shortage.missing for shortage in shortages}
        if not missing:
            return
        reduced = defaultdict(list)
        for line in orders._coop_goods_lines().sorted(
            lambda l: (-l.order_id.id, -l.id)
        ):
            take = min(
                missing.get(line.product_id, 0.0), line._coop_quantity_to_hand_over()
            )
            if take <= 0:
                continue
            missing[line.product_id] -= take
            amount = line.price_total * take / line.product_uom_qty
            reduced[line.order_id].append((line, take, amount))
        for order, changes in reduced.items():
            order._coop_reduce_for_shortage(changes)

    def _group_deliveries(self, orders):
        """One batch transfer per pickup point and slot."""
        Batch = self.env["stock.picking.batch"]
        by_slot = defaultdict(lambda: self.env["stock.picking"])
        for order in orders:
            pickings = order.picking_ids.filtered(
                lambda p: (
                    p.state not in ("done", "cancel")
                    and p.picking_type_code == "outgoing"
                )
            )
            by_slot[order.coop_slot_id] |= pickings
        for slot, pickings in sorted(by_slot.items(), key=lambda sp: sp[0].id):
            if not pickings:
                continue
            Batch.create(
                {
                    "description": slot.display_name if slot else self.name,
                    "company_id": self.company_id.id,
                    "picking_type_id": pickings.picking_type_id[:1].id,
                    "scheduled_date": slot.start_datetime or fields.Datetime.now(),
                    "coop_cycle_id": self.id,
                    "coop_slot_id": slot.id,
                    "picking_ids": [Command.set(pickings.ids)],
                }
            )

    def _distribution_groups(self):
        """[{'slot', 'orders'}] per pickup point and slot, in time order:
        the pages of the distribution list."""
        self.ensure_one()
        orders = self.env["sale.order"].search(
            [
                ("coop_cycle_id", "=", self.id),
                ("state", "=", "sale"),
                ("coop_slot_id", "!=", False),
            ]
        )
        groups = defaultdict(lambda: self.env["sale.order"])
        for order in orders:
            groups[order.coop_slot_id] |= order
        return [
            {"slot": slot, "orders": groups[slot].sorted(lambda o: o.partner_id.name)}
            for slot in sorted(
                groups, key=lambda s: (s.start_datetime, s.point_id.sequence, s.id)
            )
        ]

    def action_view_purchase_orders(self):
        self.ensure_one()
        return self.pooling_id.action_view_purchase_orders()

    def action_view_batches(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Distribution batches"),
            "res_model": "stock.picking.batch",
            "view_mode": "list,form",
            "domain": [("coop_cycle_id", "=", self.id)],
        }
