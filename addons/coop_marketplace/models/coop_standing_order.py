# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

# Standing baskets' orders made per call of the job (one transaction each);
# the system parameter coop_marketplace.standing_orders_per_call overrides it.
STANDING_ORDERS_PER_CALL = 50


class CoopStandingOrder(models.Model):
    """A member's standing basket (AMAP-style subscription): a product of a
    farm ("Panier de légumes hebdomadaire") taken every cycle of a season,
    at a pickup point and slot of the week.

    Each cycle that offers the product creates the member's order when it
    opens (the cycles' job, ``_create_standing_orders``): priced by the
    member's tier, booked in the slot like any order (never above its
    capacity), paid at pickup. The order is then an ordinary order: the
    member changes or cancels it until the close (cancelling skips the
    cycle). Never two orders for one subscription and one cycle (a unique
    index), however often the job runs."""

    _name = "coop.standing.order"
    _description = "Standing basket"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["partner_id.name", "product_id.name"]

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", string="Member", required=True, index=True, tracking=True
    )
    product_id = fields.Many2one(
        "product.product",
        string="Basket",
        required=True,
        domain=[("sale_ok", "=", True)],
        tracking=True,
    )
    quantity = fields.Float(default=1.0, required=True, tracking=True)
    point_id = fields.Many2one(
        "coop.pickup.point",
        string="Pickup point",
        required=True,
        check_company=True,
        tracking=True,
    )
    slot_template_id = fields.Many2one(
        "coop.slot.template",
        string="Usual slot",
        domain="[('point_id', '=', point_id)]",
        help="The slot of the week the member collects in (empty: the point's"
        " first slot with a place).",
    )
    date_start = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="Until", help="End of the season (empty: open).")
    state = fields.Selection(
        [("active", "Active"), ("paused", "Paused"), ("ended", "Ended")],
        default="active",
        required=True,
        tracking=True,
    )
    skip_cycle_ids = fields.Many2many(
        "coop.order.cycle",
        string="Cycles skipped",
        help="Cycles for which no order is created (holidays).",
    )
    missed_cycle_ids = fields.Many2many(
        "coop.order.cycle",
        "coop_standing_order_missed_cycle_rel",
        "standing_order_id",
        "cycle_id",
        string="Cycles without an order",
        readonly=True,
        copy=False,
        help="Cycles whose order could not be made (no place left, nothing"
        " left to offer): the member was told once.",
    )
    order_ids = fields.One2many(
        "sale.order", "coop_standing_order_id", string="Orders", readonly=True
    )

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "A standing basket takes a positive quantity.",
        ),
        (
            "season_check",
            "CHECK(date_end IS NULL OR date_start <= date_end)",
            "A season must end after it starts.",
        ),
    ]

    @api.depends("product_id", "partner_id")
    def _compute_display_name(self):
        # In the reader's language (the basket's name is translated).
        for standing in self:
            standing.display_name = " · ".join(
                filter(None, [standing.product_id.name, standing.partner_id.name])
            )

    @api.constrains("product_id", "state", "partner_id")
    def _check_max_subscribers(self):
        """A basket has a maximum number of subscribers (what the farm can
        grow); one place per member."""
        for product in self.filtered(lambda s: s.state == "active").product_id:
            maximum = product.coop_standing_max
            count = self.search_count(
                [
                    ("product_id", "=", product.id),
                    ("state", "=", "active"),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
            if maximum and count > maximum:
                raise ValidationError(
                    self.env._(
                        "%(basket)s is full: %(max)s subscribers at most.",
                        basket=product.display_name,
                        max=maximum,
                    )
                )

    # ------------------------------------------------------------------
    # The member's own changes (portal)
    # ------------------------------------------------------------------

    @api.model
    def _member_offers(self, company):
        """The baskets a member may subscribe to on ``company``'s shop, with
        the places left (None: no limit), in one count per basket."""
        products = self.env["product.product"].search(
            [
                ("coop_standing_ok", "=", True),
                ("sale_ok", "=", True),
                ("company_id", "in", [False, company.id]),
            ],
            order="name",
        )
        taken = dict(
            self._read_group(
                [
                    ("product_id", "in", products.ids),
                    ("state", "=", "active"),
                    ("company_id", "=", company.id),
                ],
                ["product_id"],
                ["__count"],
            )
        )
        return [
            (
                product,
                max(product.coop_standing_max - taken.get(product, 0), 0)
                if product.coop_standing_max
                else None,
            )
            for product in products
        ]

    @api.model
    def _member_subscribe(self, partner, product, slot_template, date_end=False):
        """The member takes ``product`` every cycle from today, collected in
        ``slot_template`` (a slot of the week at a point of the current
        company), until ``date_end`` if given. An open cycle offering the
        basket makes the member's order at once. Refused, and nothing
        created: a basket not offered, a point of another coop, a basket the
        member already takes, a full one (its maximum), a partner who is not
        an active member of this coop."""
        company = self.env.company
        if not (
            product.coop_standing_ok
            and product.sale_ok
            and product.company_id in (company, self.env["res.company"])
        ):
            raise UserError(self.env._("This basket is not offered by subscription."))
        # sudo: the member's own membership, in this coop.
        if partner.sudo().with_company(company).coop_member_state != "active":
            raise UserError(
                self.env._(
                    "Baskets by subscription are for the coop's members: log in"
                    " with your member account, or join the coop."
                )
            )
        point = slot_template.point_id
        if (
            not point.active
            or point.company_id != company
            or slot_template.kind != "pickup"
        ):
            raise UserError(self.env._("Choose a pickup point of the coop."))
        today = fields.Date.context_today(self)
        if date_end and date_end < today:
            raise UserError(self.env._("The end of your season is already past."))
        if self.search_count(
            [
                ("partner_id", "=", partner.id),
                ("product_id", "=", product.id),
                ("state", "in", ("active", "paused")),
                ("company_id", "=", company.id),
            ]
        ):
            raise UserError(
                self.env._(
                    "You already take %(basket)s: pause or resume it below.",
                    basket=product.name,
                )
            )
        with self.env.cr.savepoint():
            standing = self.create(
                {
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "product_id": product.id,
                    "point_id": point.id,
                    "slot_template_id": slot_template.id,
                    "date_start": today,
                    "date_end": date_end or False,
                }
            )
        standing._coop_message_post(body=self.env._("Subscribed by the member."))
        open_cycles = (
            self.env["coop.order.cycle"]
            .search([("state", "=", "open"), ("company_id", "=", company.id)])
            .filtered(lambda cycle: cycle._takes_orders())
        )
        orders = self.env["sale.order"]
        for cycle in open_cycles.filtered(standing._applies_to):
            orders |= standing._create_order(cycle)
        return standing, orders

    def _action_member_pause(self):
        """The member pauses the basket: no order from the next cycle on
        (the orders already made stay, to change or cancel until their
        close)."""
        for standing in self:
            if standing.state != "active":
                raise UserError(self.env._("This basket is not active."))
            standing.state = "paused"
            standing._coop_message_post(body=self.env._("Paused by the member."))

    def _action_member_resume(self):
        """The member takes the basket again (within its maximum)."""
        for standing in self:
            if standing.state != "paused":
                raise UserError(self.env._("This basket is not paused."))
            standing.state = "active"
            standing._coop_message_post(body=self.env._("Resumed by the member."))

    # ------------------------------------------------------------------
    # Orders at a cycle's opening
    # ------------------------------------------------------------------

    def _applies_to(self, cycle):
        """Whether this subscription takes part in ``cycle``."""
        self.ensure_one()
        return (
            self.state == "active"
            and self.company_id == cycle.company_id
            and cycle not in self.skip_cycle_ids
            and self.date_start <= cycle.pickup_date_to
            and (not self.date_end or self.date_end >= cycle.pickup_date_from)
            and self.product_id in cycle.line_ids.product_id
        )

    def _slot_in(self, cycle):
        """The slot of ``cycle`` this subscription books: its usual slot of
        the week at its point, else the point's first slot with a place."""
        self.ensure_one()
        slots = cycle.slot_ids.filtered(
            lambda s: s.point_id == self.point_id and s.kind == "pickup"
        ).sorted("start_datetime")
        template = self.slot_template_id
        if template:
            tz = pytz.timezone(self.point_id._tz())
            slots = slots.filtered(
                lambda s: (
                    (local := pytz.utc.localize(s.start_datetime).astimezone(tz))
                    and local.weekday() == int(template.weekday)
                    and abs(local.hour + local.minute / 60 - template.hour_from) < 0.01
                )
            )
        return slots.filtered("available")[:1] or slots[:1]

    def _create_order(self, cycle):
        """The member's order of ``cycle``, booked and confirmed; all or
        nothing (no place left, nothing left to offer: nothing is created,
        and the member is told)."""
        self.ensure_one()
        company = cycle.company_id
        carrier = self.env["delivery.carrier"].search(
            [
                ("delivery_type", "=", "coop_pickup"),
                ("company_id", "in", [False, company.id]),
            ],
            limit=1,
        )
        website = cycle.website_id or self.env["website"].search(
            [("company_id", "=", company.id), ("coop_cycle_shop", "=", True)], limit=1
        )
        try:
            with self.env.cr.savepoint():
                cycle._check_accepts(self.partner_id)
                order = (
                    self.env["sale.order"]
                    .with_company(company)
                    .create(
                        {
                            "partner_id": self.partner_id.id,
                            "company_id": company.id,
                            "website_id": website.id,
                            "coop_cycle_id": cycle.id,
                            "coop_standing_order_id": self.id,
                            "carrier_id": carrier.id,
                        }
                    )
                )
                order._coop_check_available(
                    self.env["sale.order.line"], self.product_id, self.quantity
                )
                order.order_line = [
                    fields.Command.create(
                        {
                            "product_id": self.product_id.id,
                            "product_uom_qty": self.quantity,
                        }
                    )
                ]
                order._coop_set_pickup_point(self.point_id)
                slot = self._slot_in(cycle)
                if not slot:
                    raise UserError(
                        self.env._("No pickup slot at %(point)s in this cycle.")
                        % {"point": self.point_id.name}
                    )
                order._coop_set_pickup_slot(slot)
                self._prepare_order_payment(order)
                order.action_confirm()
        except UserError as exc:
            # Told once: the job does not try this cycle again.
            self.missed_cycle_ids |= cycle
            self._coop_message_post(
                body=self.env._(
                    "No order in %(cycle)s: %(reason)s",
                    cycle=cycle.name,
                    reason=exc.args[0],
                ),
                partner_ids=self.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            return self.env["sale.order"]
        return order

    def _prepare_order_payment(self, order):
        """Before the cycle's order is confirmed: here it is paid at pickup
        (a bridge pays it with the member's prepaid account)."""
        self.ensure_one()

    @api.model
    def _standing_for(self, cycle, retry_missed=False):
        """The subscriptions taking part in ``cycle`` without an order in it
        yet (nor a failed try, unless ``retry_missed``), in a fixed number of
        queries whatever their number."""
        ordered = self.env["sale.order"]._read_group(
            [
                ("coop_cycle_id", "=", cycle.id),
                ("coop_standing_order_id", "!=", False),
            ],
            ["coop_standing_order_id"],
        )
        return self.search(
            [
                ("company_id", "=", cycle.company_id.id),
                ("state", "=", "active"),
                ("id", "not in", [standing.id for (standing,) in ordered]),
            ],
            order="id",
        ).filtered(
            lambda s: (
                s._applies_to(cycle)
                and (retry_missed or cycle not in s.missed_cycle_ids)
            )
        )

    @api.model
    def _create_standing_orders(self, cycles, limit=None, retry_missed=False):
        """The orders of the subscriptions taking part in the open
        ``cycles`` that have none yet: what is left after an interrupted run,
        never twice. ``limit``: at most so many tried (made, or missed and
        the member told); ``retry_missed``: try again those that found no
        place (a manager asks, after adding places)."""
        created = self.env["sale.order"]
        tried = 0
        for cycle in cycles.filtered(lambda c: c._takes_orders()):
            for subscription in self._standing_for(cycle, retry_missed):
                if limit is not None and tried >= limit:
                    return created
                tried += 1
                created |= subscription._create_order(cycle)
        return created

    @api.model
    def _standing_left(self, cycles):
        return sum(
            len(self.with_company(cycle.company_id)._standing_for(cycle))
            for cycle in cycles.filtered(lambda c: c._takes_orders())
        )

    @api.model
    def _cron_create_standing_orders(self):
        """The standing baskets of the open cycles, one batch per call, as
        the cycle close runs its steps (Odoo's job runner commits after each
        call and calls again while ``_notify_progress`` says some remain): a
        batch interrupted is rolled back whole and made by the next call, a
        committed one is never made twice."""
        cycles = self.env["coop.order.cycle"].search([("state", "=", "open")])
        # sudo: a setting of the job, read by whoever runs it.
        tries = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(
                "coop_marketplace.standing_orders_per_call", STANDING_ORDERS_PER_CALL
            )
        )
        by_company = cycles.grouped("company_id")
        left = {
            company: self._standing_left(own) for company, own in by_company.items()
        }
        done = 0
        for company, waiting in left.items():
            if done >= tries:
                break
            if not waiting:
                continue
            self.with_company(company)._create_standing_orders(
                by_company[company], limit=tries - done
            )
            # Each one tried leaves the list (ordered, or missed and told):
            # what is left is counted once, not after every batch.
            done += min(tries - done, waiting)
        remaining = sum(left.values()) - done
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return True
