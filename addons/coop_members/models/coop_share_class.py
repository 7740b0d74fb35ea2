# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class CoopShareClass(models.Model):
    """A class of cooperative shares (SCIC colleges: consumers, producers...)."""

    _name = "coop.share.class"
    _inherit = ["pos.load.mixin"]
    _description = "Share class"
    _order = "sequence, code"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Short code, e.g. A for consumers.")
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    nominal_value = fields.Monetary(
        required=True, help="Value of one share, paid and redeemed at this value."
    )
    min_quantity = fields.Integer(
        string="Minimum to be a member",
        default=1,
        help="Shares of this class a partner must hold to be an active member.",
    )
    max_quantity = fields.Integer(
        string="Maximum per member", help="Zero means no maximum."
    )
    product_id = fields.Many2one(
        "product.product",
        string="Share product",
        domain=[("type", "=", "service")],
        help="Service product (no tax) used to invoice or sell this share.",
    )
    account_id = fields.Many2one(
        "account.account",
        string="Capital account",
        default=lambda self: self._default_account_id(),
        domain="[('account_type', '=', 'equity')]",
        help="Equity account credited by subscriptions (101300 in the French"
        " chart: subscribed, called and paid-up capital).",
    )
    redemption_account_id = fields.Many2one(
        "account.account",
        string="Capital to pay back account",
        default=lambda self: self._default_redemption_account_id(),
        help="Account that holds redeemed capital until it is paid back (456700"
        " in the French chart: partners, capital to be reimbursed).",
    )
    allow_individuals = fields.Boolean(default=True)
    allow_companies = fields.Boolean(default=True)
    redemption_delay_months = fields.Integer(
        string="Redemption delay (months)",
        help="Statutory delay before a redeemed share is paid back.",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A share class code must be unique per company.",
        ),
        (
            "nominal_value_positive",
            "CHECK(nominal_value > 0)",
            "The nominal value of a share must be positive.",
        ),
        (
            "quantities_valid",
            (
                "CHECK(min_quantity >= 0 AND max_quantity >= 0"
                " AND (max_quantity = 0 OR max_quantity >= min_quantity))"
            ),
            "The maximum per member must be zero (no maximum) or at least the minimum.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        share_classes = super().create(vals_list)
        share_classes._sync_share_product()
        return share_classes

    def write(self, vals):
        res = super().write(vals)
        if {"product_id", "account_id"} & set(vals):
            self._sync_share_product()
        return res

    def _sync_share_product(self):
        """A share product books to the capital account and carries no tax,
        whatever sells it (invoice, till)."""
        for share_class in self.filtered(lambda c: c.product_id and c.account_id):
            share_class.product_id.product_tmpl_id.with_company(
                share_class.company_id
            ).write(
                {
                    "property_account_income_id": share_class.account_id.id,
                    "taxes_id": [Command.clear()],
                }
            )

    def _create_subscription_invoice(self, partner, quantity, date, payment_term=None):
        """The posted invoice of ``quantity`` shares of this class: the one
        way the back office and the online application ask a member to pay
        for shares (the register follows its payment)."""
        self.ensure_one()
        if not self.product_id or not self.account_id:
            raise UserError(
                self.env._(
                    "Set the share product and the capital account of class"
                    " %(share_class)s first.",
                    share_class=self.display_name,
                )
            )
        invoice = (
            self.env["account.move"]
            .with_company(self.company_id)
            .create(
                {
                    "move_type": "out_invoice",
                    "company_id": self.company_id.id,
                    "partner_id": partner.id,
                    "invoice_date": date,
                    "invoice_payment_term_id": payment_term and payment_term.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": self.product_id.id,
                                "name": self.env._(
                                    "Subscription of %(qty)s shares of class"
                                    " %(share_class)s",
                                    qty=quantity,
                                    share_class=self.display_name,
                                ),
                                "quantity": quantity,
                                "price_unit": self.nominal_value,
                                # Shares are equity: never income, never VAT.
                                "account_id": self.account_id.id,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        invoice.action_post()
        return invoice

    @api.model
    def _by_product(self, products):
        """{product: share class} for the share products among ``products``."""
        share_classes = self.search([("product_id", "in", products.ids)])
        return {share_class.product_id: share_class for share_class in share_classes}

    @api.model
    def _load_pos_data_domain(self, data):
        company_id = data["pos.config"]["data"][0]["company_id"]
        return [("company_id", "=", company_id), ("product_id", "!=", False)]

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [
            "code",
            "name",
            "product_id",
            "nominal_value",
            "allow_individuals",
            "allow_companies",
        ]

    def _default_account_id(self):
        # Resolved through the chart template, not a hard-coded code: another
        # chart simply leaves it empty, to be chosen on the class.
        return self.env["account.chart.template"].ref(
            "pcg_1013", raise_if_not_found=False
        )

    def _default_redemption_account_id(self):
        return self.env["account.chart.template"].ref(
            "pcg_4567", raise_if_not_found=False
        )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for share_class in self:
            share_class.display_name = f"{share_class.code} - {share_class.name}"
