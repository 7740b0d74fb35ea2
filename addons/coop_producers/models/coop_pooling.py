# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round


class CoopPooling(models.Model):
    """Pooling of demand: one purchase order per producer.

    Demand lines (product, quantity, destination) come from confirmed sales
    of a period or from an order cycle (``_pool`` is the API coop_marketplace
    calls). Demand for a product is allocated to the producers who offer it
    in proportion to their offers, never above an offer, deterministically
    (largest remainders, ties to the lowest producer id); what no offer covers
    is a shortage line, for the caller to handle. Pooling again under the
    same reference replaces the draft purchase orders: no duplicates.
    """

    _name = "coop.pooling"
    _description = "Producer pooling"
    _order = "date desc, id desc"

    name = fields.Char(required=True)
    reference = fields.Char(
        required=True,
        index=True,
        help="Identifies the demand pooled (e.g. cycle:12, period:2026-11):"
        " pooling the same reference again updates it.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("pooled", "Pooled")], default="draft", required=True
    )
    demand_ids = fields.One2many("coop.pooling.demand", "pooling_id")
    offer_ids = fields.One2many("coop.pooling.offer", "pooling_id", string="Offers")
    allocation_ids = fields.One2many(
        "coop.pooling.allocation", "pooling_id", string="Allocations"
    )
    shortage_ids = fields.One2many(
        "coop.pooling.shortage", "pooling_id", string="Shortages"
    )
    purchase_order_ids = fields.One2many(
        "purchase.order", "coop_pooling_id", string="Purchase orders"
    )
    purchase_count = fields.Integer(compute="_compute_purchase_count")
    locked = fields.Boolean(
        string="Made by a close",
        readonly=True,
        help="Pooled by a process (an order cycle's close) that took the"
        " shortages off its orders and refunded them: pooling it again by hand"
        " would no longer match them.",
    )

    _sql_constraints = [
        (
            "reference_company_uniq",
            "unique(reference, company_id)",
            "A pooling reference is unique per company.",
        ),
    ]

    def _compute_purchase_count(self):
        for pooling in self:
            pooling.purchase_count = len(pooling.purchase_order_ids)

    # ------------------------------------------------------------------
    # API
    # ------------------------------------------------------------------

    @api.model
    def _pool(self, reference, demand, offers=None, name=None, lock=False):
        """Pool ``demand`` (dicts: product_id, quantity, destination) under
        ``reference``; ``offers`` (dicts: producer_id, product_id, quantity,
        optional price) default to the producers' supplier info. Works in
        ``env.company`` (callers pass theirs with ``with_company``). Returns
        the pooling, with its purchase orders and shortage lines. ``lock``:
        the caller acts on the result (a close): no pooling again by hand."""
        pooling = self.search(
            [("reference", "=", reference), ("company_id", "=", self.env.company.id)]
        )
        if not pooling:
            pooling = self.create(
                {
                    "name": name or reference,
                    "reference": reference,
                    "company_id": self.env.company.id,
                    "locked": lock,
                }
            )
        pooling._set_demand(demand)
        pooling._run_pooling(offers=offers)
        return pooling

    def _set_offers(self, offers):
        """Replace the stored offers by ``offers`` (dicts: producer_id,
        product_id, quantity or None for no limit, optional price)."""
        self.ensure_one()
        self.offer_ids.unlink()
        self.env["coop.pooling.offer"].create(
            [
                {
                    "pooling_id": self.id,
                    "producer_id": offer["producer_id"],
                    "product_id": offer["product_id"],
                    "unlimited": offer.get("quantity") is None,
                    "quantity": offer.get("quantity") or 0.0,
                    "price": offer.get("price") or 0.0,
                }
                for offer in offers
            ]
        )

    def _set_demand(self, demand):
        """Replace the demand by ``demand``, summed per product and
        destination."""
        self.ensure_one()
        totals = defaultdict(lambda: [0.0, 0])
        for line in demand:
            if line["quantity"] < 0:
                raise UserError(self.env._("A demand quantity can't be negative."))
            if line["quantity"]:
                total = totals[line["product_id"], line.get("destination") or ""]
                total[0] += line["quantity"]
                total[1] += 1
        self.demand_ids.unlink()
        self.env["coop.pooling.demand"].create(
            [
                {
                    "pooling_id": self.id,
                    "product_id": product_id,
                    "destination": destination,
                    "quantity": quantity,
                    "line_count": count,
                }
                for (product_id, destination), (quantity, count) in sorted(
                    totals.items()
                )
            ]
        )

    def action_pool(self):
        """The "Pool" button: refused on a pooling a close made and acted
        upon (the button is hidden there too)."""
        locked = self.filtered("locked")
        if locked:
            raise UserError(
                self.env._(
                    "%(poolings)s was made by an order cycle's close, which took"
                    " its shortages off the members' orders: it can't be pooled"
                    " again by hand.",
                    poolings=", ".join(locked.mapped("name")),
                )
            )
        return self._run_pooling()

    def _run_pooling(self, offers=None):
        for pooling in self:
            pooling._check_can_repool()
            pooling.allocation_ids.unlink()
            pooling.shortage_ids.unlink()
            # Draft orders of a previous run are replaced (Odoo deletes only
            # cancelled ones); confirmed ones stop the re-run (checked above).
            pooling.purchase_order_ids.button_cancel()
            pooling.purchase_order_ids.unlink()
            # Offers are stored beside the demand: the ones given, else the
            # ones of the first run (the supplier info of that day), so that
            # pooling again gives the same orders. Each pooling its own.
            if offers is not None:
                pooling._set_offers(offers)
            else:
                # Products newly in demand take their producers' offers.
                new = pooling.demand_ids.product_id - pooling.offer_ids.product_id
                if new:
                    pooling._set_offers(
                        pooling.offer_ids._as_dicts()
                        + pooling._offers_from_suppliers(new)
                    )
            pooling_offers = pooling.offer_ids._as_dicts()
            allocations, shortages = pooling._allocate(pooling_offers)
            self.env["coop.pooling.shortage"].create(shortages)
            orders = pooling._create_purchase_orders(allocations, pooling_offers)
            line_by_key = {
                (line.partner_id.id, line.product_id.id): line.id
                for line in orders.order_line
            }
            for allocation in allocations:
                allocation["purchase_line_id"] = line_by_key[
                    allocation["producer_id"], allocation["product_id"]
                ]
            self.env["coop.pooling.allocation"].create(allocations)
            pooling.state = "pooled"
        return True

    def _check_can_repool(self):
        confirmed = self.purchase_order_ids.filtered(lambda po: po.state != "draft")
        if confirmed:
            raise UserError(
                self.env._(
                    "Purchase orders %(orders)s are already confirmed: this"
                    " pooling can't be run again.",
                    orders=", ".join(confirmed.mapped("name")),
                )
            )

    # ------------------------------------------------------------------
    # Allocation
    # ------------------------------------------------------------------

    def _offers_from_suppliers(self, products=None):
        """Offers (producer, product, quantity or None for no limit, price)
        for ``products`` (default: the demand's) from the product's supplier
        info lines of producers, else its producer at the producer price."""
        if products is None:
            products = self.demand_ids.product_id
        offers = defaultdict(dict)
        for info in self.env["product.supplierinfo"].search(
            [
                ("partner_id.coop_is_producer", "=", True),
                "|",
                ("product_id", "in", products.ids),
                "&",
                ("product_id", "=", False),
                ("product_tmpl_id", "in", products.product_tmpl_id.ids),
            ]
        ):
            targets = (
                info.product_id or info.product_tmpl_id.product_variant_ids & products
            )
            for product in targets:
                offers[product.id][info.partner_id.id] = (
                    info.coop_offer_qty or None,
                    info.price or None,
                )
        for product in products:
            if not offers.get(product.id) and product.coop_producer_id:
                offers[product.id][product.coop_producer_id.id] = (None, None)
        return [
            {
                "producer_id": producer_id,
                "product_id": product_id,
                "quantity": quantity,
                "price": price,
            }
            for product_id, by_producer in offers.items()
            for producer_id, (quantity, price) in by_producer.items()
        ]

    def _allocate(self, offers):
        """Values of the allocations (per producer, product and destination)
        and of the shortages, from the demand and the offers."""
        self.ensure_one()
        offers_by_product = defaultdict(dict)
        for offer in offers:
            offers_by_product[offer["product_id"]][offer["producer_id"]] = offer[
                "quantity"
            ]
        demand_by_product = defaultdict(list)
        for line in self.demand_ids.sorted(lambda d: (d.destination, d.id)):
            demand_by_product[line.product_id].append(line)
        allocations, shortages = [], []
        # Resolved once: env.ref checks the record exists at every call.
        unit_category = self.env.ref(
            "uom.product_uom_categ_unit", raise_if_not_found=False
        )
        for product, lines in demand_by_product.items():
            demand = sum(line.quantity for line in lines)
            rounding = self._allocation_step(product, unit_category)
            shares = self._split(
                demand, offers_by_product.get(product.id, {}), rounding
            )
            # Each producer's share goes to the destinations in order.
            remaining = dict(shares)
            for line in lines:
                needed = line.quantity
                for producer_id in sorted(remaining):
                    if not needed:
                        break
                    take = min(needed, remaining[producer_id])
                    if take <= 0:
                        continue
                    remaining[producer_id] = float_round(
                        remaining[producer_id] - take, precision_rounding=rounding
                    )
                    needed = float_round(needed - take, precision_rounding=rounding)
                    allocations.append(
                        {
                            "pooling_id": self.id,
                            "producer_id": producer_id,
                            "product_id": product.id,
                            "destination": line.destination,
                            "quantity": take,
                        }
                    )
            allocated = sum(shares.values())
            missing = float_round(demand - allocated, precision_rounding=rounding)
            if missing > 0:
                shortages.append(
                    {
                        "pooling_id": self.id,
                        "product_id": product.id,
                        "demand": demand,
                        "allocated": allocated,
                        "missing": missing,
                    }
                )
        return allocations, shortages

    def _allocation_step(self, product, unit_category):
        """Whole units for products counted in units, else the unit's rounding
        (0.01 kg...)."""
        if product.uom_id.category_id == unit_category:
            return 1.0
        return product.uom_id.rounding

    @api.model
    def _split(self, demand, offers, rounding):
        """{producer id: quantity}: ``demand`` split in proportion to the
        offers (None = no limit), never above an offer.

        Rule: if the offers cover the demand, each producer gets its share
        floor(demand × offer / total offers) in steps of the unit's rounding,
        and the steps left go one by one to the largest remainders (ties: the
        lowest producer id). Producers without a limit share what the limited
        offers can't cover, equally by the same rule. Otherwise each producer
        gets its whole offer and the rest is a shortage."""
        if not offers or demand <= 0:
            return {}
        limited = {p: q for p, q in offers.items() if q is not None and q > 0}
        unlimited = sorted(p for p, q in offers.items() if q is None)
        total_limited = sum(limited.values())
        if unlimited:
            # Unlimited producers make the offer cover any demand: weight them
            # as if each offered the whole demand.
            weights = {**limited, **dict.fromkeys(unlimited, demand)}
        elif total_limited <= demand:
            return dict(limited)
        else:
            weights = limited
        total = sum(weights.values())
        steps = round(demand / rounding)
        shares, remainders = {}, []
        for producer_id, weight in weights.items():
            exact = steps * weight / total
            whole = int(exact)
            cap = (
                round(offers[producer_id] / rounding) if offers[producer_id] else steps
            )
            whole = min(whole, cap)
            shares[producer_id] = whole
            remainders.append((-(exact - whole), producer_id, cap))
        left = steps - sum(shares.values())
        for _remainder, producer_id, cap in sorted(remainders):
            if left <= 0:
                break
            if shares[producer_id] < cap:
                shares[producer_id] += 1
                left -= 1
        return {
            p: float_round(q * rounding, precision_rounding=rounding)
            for p, q in shares.items()
            if q
        }

    # ------------------------------------------------------------------
    # Purchase orders
    # ------------------------------------------------------------------

    def _create_purchase_orders(self, allocations, offers):
        """One purchase order per producer for the ``allocations`` (values),
        in one batch; each producer's price is that of their offer, else the
        product's producer price."""
        totals = defaultdict(float)
        for allocation in allocations:
            totals[allocation["producer_id"], allocation["product_id"]] += allocation[
                "quantity"
            ]
        by_producer = defaultdict(list)
        for (producer_id, product_id), quantity in totals.items():
            by_producer[producer_id].append((product_id, quantity))
        products = self.env["product.product"].browse(
            {product_id for _producer, product_id in totals}
        )
        producer_price = {p.id: p.coop_producer_price for p in products}
        offer_price = {
            (offer["producer_id"], offer["product_id"]): offer.get("price")
            for offer in offers
        }
        price = {key: offer_price.get(key) or producer_price[key[1]] for key in totals}
        return self.env["purchase.order"].create(
            [
                {
                    "partner_id": producer_id,
                    "coop_pooling_id": self.id,
                    "origin": self.name,
                    "company_id": self.company_id.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product_id,
                                "product_qty": quantity,
                                "price_unit": price[producer_id, product_id],
                            }
                        )
                        for product_id, quantity in sorted(lines)
                    ],
                }
                for producer_id, lines in sorted(by_producer.items())
            ]
        )

    def action_confirm_orders(self):
        """Confirm the pooled purchase orders still in draft (sent to the
        producers): they then appear in the producers' space and rounds."""
        self.purchase_order_ids.filtered(
            lambda o: o.state in ("draft", "sent")
        ).button_confirm()
        return True

    def action_view_purchase_orders(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Purchase orders"),
            "res_model": "purchase.order",
            "view_mode": "list,form",
            "domain": [("coop_pooling_id", "=", self.id)],
        }
