# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models, tools
from odoo.exceptions import ValidationError


class CoopPriceTier(models.Model):
    """An income-based price tier (−60 %, −40 %, reference, supportive +10 %...).

    Each tier generates and keeps in sync its own pricelist: native Odoo
    pricing then gives the same price in sale orders, the shop and the till.
    The pricelist is named after the neutral label, never "solidarity".
    """

    _name = "coop.price.tier"
    _description = "Price tier"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    display_label = fields.Char(
        string="Neutral label",
        required=True,
        translate=True,
        help="What the till, the shop and the receipts show (e.g. 'Tarif B'):"
        " never the word solidarity.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    is_reference = fields.Boolean(
        string="Reference tier",
        help="The standard price: visitors, members without a tier, expired or"
        " inactive memberships.",
    )
    # The price rules: a new one is a ``selection_add`` here and its
    # ``_price_rule_<rule>_values`` and ``_price_rule_<rule>_is_discount``
    # methods (see "Price rules" below), nothing edited.
    rule = fields.Selection(
        [
            ("coefficient", "Coefficient on the reference price"),
            ("cost_margin", "Margin on cost"),
        ],
        required=True,
        default="coefficient",
    )
    price_change = fields.Float(
        string="Price change (%)",
        help="−60 means 60 % below the reference price, +10 a supportive price"
        " 10 % above it.",
    )
    cost_margin = fields.Float(
        string="Margin on cost (%)",
        help="Price = cost × (1 + margin): for épiceries solidaires selling near cost.",
    )
    rounding = fields.Float(
        default=0.01, help="Prices are rounded to this amount (e.g. 0.05 €)."
    )
    excluded_categ_ids = fields.Many2many(
        "product.category",
        string="Excluded categories",
        help="Always sold at the reference price (e.g. alcohol).",
    )
    excluded_product_tmpl_ids = fields.Many2many(
        "product.template",
        string="Excluded products",
        help="Always sold at the reference price.",
    )
    monthly_cap = fields.Monetary(
        string="Monthly cap",
        help="Solidarity advantage a member may use per month (reference price"
        " minus price paid). Zero means no cap.",
    )
    is_discount = fields.Boolean(
        compute="_compute_is_discount",
        store=True,
        help="The tier sells below the reference price: it costs the fund.",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist", readonly=True, copy=False, ondelete="restrict"
    )
    member_count = fields.Integer(compute="_compute_member_count")

    _sql_constraints = [
        (
            "price_change_range",
            "CHECK(price_change > -100)",
            "A tier can't take 100 % or more off the reference price.",
        ),
        (
            "cost_margin_range",
            "CHECK(cost_margin > -100)",
            "A margin on cost can't be −100 % or below.",
        ),
        (
            "monthly_cap_positive",
            "CHECK(monthly_cap >= 0)",
            "The monthly cap can't be negative.",
        ),
        (
            "rounding_positive",
            "CHECK(rounding > 0)",
            "The rounding must be positive (0.01 for the cent).",
        ),
    ]

    @api.depends("is_reference", "rule", "price_change")
    def _compute_is_discount(self):
        # A new rule with fields of its own adds them here (its override's
        # @api.depends replaces this one's).
        for tier in self:
            tier.is_discount = (
                not tier.is_reference and tier._price_rule_hook("is_discount")()
            )

    def _compute_member_count(self):
        counts = dict(
            self.env["res.partner"]
            .sudo()
            ._read_group(
                [("coop_price_tier_id", "in", self.ids)],
                ["coop_price_tier_id"],
                ["__count"],
            )
        )
        for tier in self:
            tier.member_count = counts.get(tier, 0)

    @api.constrains("is_reference", "company_id", "active")
    def _check_one_reference(self):
        for company in self.company_id:
            references = self.search(
                [("company_id", "=", company.id), ("is_reference", "=", True)]
            )
            if len(references) > 1:
                raise ValidationError(
                    self.env._(
                        "A company has one reference tier; %(tiers)s are all"
                        " marked as reference.",
                        tiers=", ".join(references.mapped("name")),
                    )
                )

    @api.constrains("is_reference", "price_change", "rule")
    def _check_reference_is_plain(self):
        for tier in self.filtered("is_reference"):
            if tier.rule != "coefficient" or tier.price_change:
                raise ValidationError(
                    self.env._(
                        "The reference tier sells at the reference price: no price"
                        " change, no margin on cost."
                    )
                )

    @api.depends("name", "display_label")
    def _compute_display_name(self):
        for tier in self:
            tier.display_name = f"{tier.name} ({tier.display_label})"

    # ------------------------------------------------------------------
    # The pricelist follows the tier
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        tiers = super().create(vals_list)
        self.env.registry.clear_cache()
        tiers._sync_pricelist()
        return tiers

    def write(self, vals):
        res = super().write(vals)
        if {"is_reference", "company_id", "active"} & set(vals):
            self.env.registry.clear_cache()
        if set(vals) & self._pricing_fields():
            self._sync_pricelist()
        return res

    def _pricing_fields(self):
        """The fields the pricelist is made of (a new price rule adds its
        own)."""
        return {
            "display_label",
            "sequence",
            "active",
            "company_id",
            "rule",
            "price_change",
            "cost_margin",
            "rounding",
            "excluded_categ_ids",
            "excluded_product_tmpl_ids",
            "is_reference",
        }

    def _sync_pricelist(self):
        # sudo: staff who define tiers (members managers) are not pricing
        # administrators; only the tier's own pricelist is written.
        Pricelist = self.env["product.pricelist"].sudo()
        for tier in self:
            vals = {
                "name": tier.display_label,
                # The reference tier is the fallback of visitors and of
                # partners without a pricelist (first without country group);
                # the other tiers come after every other pricelist.
                "sequence": 1 if tier.is_reference else 1000 + tier.sequence,
                "company_id": tier.company_id.id,
                "currency_id": tier.company_id.currency_id.id,
                "active": tier.active,
                "item_ids": [Command.clear(), *tier._pricelist_items()],
            }
            if "website_id" in Pricelist._fields:
                # website_sale: available on the company's shop (so a member's
                # tier applies there), never offered as a choice.
                vals["selectable"] = False
                vals["website_id"] = (
                    self.env["website"]
                    .sudo()
                    .search([("company_id", "=", tier.company_id.id)], limit=1)
                    .id
                )
            if tier.pricelist_id:
                tier.pricelist_id.sudo().write(vals)
            else:
                tier.pricelist_id = Pricelist.create(vals)

    def _pricelist_items(self):
        """Exclusions first (product, then category rules win over the global
        rule in both the Python and the POS engines), then the tier's rule."""
        self.ensure_one()
        if self.is_reference:
            return []
        reference = {"compute_price": "percentage", "percent_price": 0.0}
        items = [
            Command.create(
                {"applied_on": "1_product", "product_tmpl_id": tmpl.id, **reference}
            )
            for tmpl in self.excluded_product_tmpl_ids
            | self._coop_reference_price_templates()
        ] + [
            Command.create(
                {"applied_on": "2_product_category", "categ_id": categ.id, **reference}
            )
            for categ in self.excluded_categ_ids
        ]
        items.append(
            Command.create(
                {
                    "applied_on": "3_global",
                    "compute_price": "formula",
                    "price_round": self.rounding,
                    **self._price_rule_hook("values")(),
                }
            )
        )
        return items

    # ------------------------------------------------------------------
    # Price rules: one pair of methods per value of ``rule``
    # ------------------------------------------------------------------

    def _price_rule_hook(self, hook):
        """The tier's rule's method for ``hook`` ("values": the formula of
        its pricelist's global item; "is_discount": whether it sells below
        the reference price, so costs the fund)."""
        self.ensure_one()
        method = getattr(self, f"_price_rule_{self.rule}_{hook}", None)
        if method is None:
            raise NotImplementedError(
                f"price rule {self.rule!r} has no _price_rule_{self.rule}_{hook}"
            )
        return method

    def _price_rule_coefficient_values(self):
        return {"base": "list_price", "price_discount": -self.price_change}

    def _price_rule_coefficient_is_discount(self):
        return self.price_change < 0

    def _price_rule_cost_margin_values(self):
        return {"base": "standard_price", "price_discount": -self.cost_margin}

    def _price_rule_cost_margin_is_discount(self):
        # Near cost is always below the reference price.
        return True

    def _coop_reference_price_templates(self):
        """What no tier discounts, whatever its rule: the share products
        (shares are sold at their nominal value)."""
        self.ensure_one()
        return (
            self.env["coop.share.class"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)])
            .product_id.product_tmpl_id
        )

    @api.model
    def _get_reference_tier(self, company=None):
        company = company or self.env.company
        return self.browse(self._get_reference_tier_id(company.id))

    @api.model
    @tools.ormcache("company_id")
    def _get_reference_tier_id(self, company_id):
        # Cached: every partner the till or the shop prices needs it.
        return (
            self.sudo()
            .search(
                [("company_id", "=", company_id), ("is_reference", "=", True)], limit=1
            )
            .id
        )

    @api.model
    def _get_pricelist_tier(self, pricelist):
        """The tier that generated ``pricelist`` (empty if none)."""
        # sudo: sales of any user are matched to their tier.
        return self.sudo().search([("pricelist_id", "=", pricelist.id)], limit=1)

    @api.model
    def _reference_prices(self, products, company=None):
        """{product id: unit price of the reference tier}, in one batch."""
        # sudo: whoever sells (cashier, shop visitor) prices against the
        # reference without reading the tiers.
        pricelist = self.sudo()._get_reference_tier(company).pricelist_id
        if not pricelist:
            return {product.id: product.lst_price for product in products}
        return {
            product_id: price
            for product_id, (price, _rule) in pricelist._compute_price_rule(
                products, 1.0
            ).items()
        }

    # ------------------------------------------------------------------
    # The monthly cap: the one rule the shop, the till, an order's change
    # and the member's card ask
    # ------------------------------------------------------------------

    def _monthly_cap_applies(self):
        """Whether this tier's members have a monthly allowance: a cap, on
        a tier that sells below the reference price."""
        return bool(self and self.monthly_cap and self.is_discount)

    def _monthly_cap_exceeded(self, advantage_used):
        """Whether ``advantage_used`` this month (what was used, plus what an
        order adds) goes beyond the allowance; never for a tier without one
        (nor for no tier)."""
        return (
            self._monthly_cap_applies()
            and self.currency_id.compare_amounts(advantage_used, self.monthly_cap) > 0
        )

    def _monthly_cap_left(self, advantage_used):
        """What is left of the month's allowance after ``advantage_used``
        (None: no allowance, or no tier)."""
        if not self._monthly_cap_applies():
            return None
        return max(0.0, self.monthly_cap - advantage_used)

    @api.ondelete(at_uninstall=False)
    def _unlink_clear_cache(self):
        self.env.registry.clear_cache()
