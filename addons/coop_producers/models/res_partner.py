# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from stdnum.fr import siret

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_is_producer = fields.Boolean(string="Producer", index=True)
    coop_farm_name = fields.Char(string="Farm name")
    coop_label_ids = fields.Many2many("coop.producer.label", string="Labels")
    coop_distance_km = fields.Float(
        string="Distance (km)", help="From the coop's preparation site."
    )
    coop_producer_description = fields.Text(string="About the farm", translate=True)
    coop_siret = fields.Char(
        string="Farm SIRET", help="14 digits, checked with its keys."
    )
    coop_commission_rate = fields.Float(
        string="Commission (%)",
        default=lambda self: self.env.company.coop_default_commission_rate,
        help="Share of the consumer price kept by the coop: consumer price ="
        " producer price / (1 − commission). A product category may override it.",
    )
    coop_producer_user_ids = fields.One2many(
        "res.users", "coop_producer_id", string="Producer users"
    )
    coop_product_count = fields.Integer(compute="_compute_coop_product_count")
    # The producer's VAT regime decides the VAT on what the coop buys from
    # her (purchase orders, vendor bills, statements): one field, read by
    # _coop_purchase_taxes and _coop_vat_mention.
    coop_vat_regime = fields.Selection(
        [
            ("normal", "Subject to VAT"),
            ("franchise", "VAT-exempt small business (art. 293 B du CGI)"),
            ("flat_rate", "Farmer under the flat-rate refund (art. 298 quater du CGI)"),
        ],
        string="VAT regime",
        default="normal",
        required=True,
        help="Subject to VAT: the coop pays VAT at the rate the product is sold"
        " (5.5 % for food). VAT-exempt (franchise en base): no VAT. Flat-rate"
        " refund (remboursement forfaitaire agricole): no VAT; her statements"
        " give the amount of her sales on which she claims the refund.",
    )

    _sql_constraints = [
        (
            "coop_commission_rate_range",
            "CHECK(coop_commission_rate >= 0 AND coop_commission_rate < 100)",
            "A commission is between 0 % and less than 100 %.",
        ),
    ]

    def write(self, vals):
        if (
            "coop_vat_regime" in vals
            and not self.env.su
            and not self.env.user.has_group("coop_producers.group_coop_logistics")
        ):
            # It decides the VAT of her bills: the coop sets it, not the farm.
            raise AccessError(
                self.env._("Only the coop's staff can change a producer's VAT regime.")
            )
        return super().write(vals)

    @api.constrains("coop_siret")
    def _check_coop_siret(self):
        for partner in self.filtered("coop_siret"):
            if not siret.is_valid(partner.coop_siret):
                raise ValidationError(
                    self.env._(
                        "%(siret)s is not a valid SIRET number (14 digits with a"
                        " valid key).",
                        siret=partner.coop_siret,
                    )
                )

    @api.onchange("coop_siret")
    def _onchange_coop_siret(self):
        if self.coop_siret:
            self.coop_siret = siret.compact(self.coop_siret)

    def _coop_purchase_taxes(self, product, company):
        """The VAT the coop pays this producer on ``product`` in ``company``.

        None under the franchise or the flat-rate refund. Otherwise the
        goods' purchase tax at the rate ``company`` sells the product: the
        coop resells as bought, so food bought at 5.5 % (the product's
        default supplier tax is the chart's 20 %). Odoo's supplier taxes
        when the company has no such purchase tax (another chart)."""
        self.ensure_one()
        Tax = self.env["account.tax"]
        if self.commercial_partner_id.coop_vat_regime != "normal":
            return Tax
        supplier_taxes = product.supplier_taxes_id._filter_taxes_by_company(company)
        sale_taxes = product.taxes_id._filter_taxes_by_company(company)
        if not sale_taxes:
            return supplier_taxes
        purchase_taxes = Tax
        for sale_tax in sale_taxes:
            same_rate = supplier_taxes.filtered(
                lambda tax, sale_tax=sale_tax: (
                    tax.amount_type == sale_tax.amount_type
                    and tax.amount == sale_tax.amount
                )
            )
            purchase_taxes |= same_rate[:1] or Tax.search(
                [
                    *Tax._check_company_domain(company),
                    ("type_tax_use", "=", "purchase"),
                    ("amount_type", "=", sale_tax.amount_type),
                    ("amount", "=", sale_tax.amount),
                    ("tax_exigibility", "=", "on_invoice"),
                    ("price_include_override", "!=", "tax_included"),
                    ("tax_scope", "!=", "service"),
                ],
                order="sequence, id",
                limit=1,
            )
        return purchase_taxes or supplier_taxes

    def _coop_vat_mention(self):
        """The legal mention a bill or statement of this producer carries,
        in the reader's language ('' when VAT is charged)."""
        self.ensure_one()
        regime = self.commercial_partner_id.coop_vat_regime
        if regime == "franchise":
            return self.env._("VAT not applicable, art. 293 B of the CGI")
        if regime == "flat_rate":
            return self.env._(
                "Producer under the flat-rate refund for farmers"
                " (remboursement forfaitaire agricole, art. 298 quater du CGI):"
                " no VAT charged; these sales to a VAT-registered buyer open"
                " the right to the refund."
            )
        return ""

    def _compute_coop_product_count(self):
        counts = dict(
            self.env["product.template"]._read_group(
                [("coop_producer_id", "in", self.ids)],
                ["coop_producer_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.coop_product_count = counts.get(partner, 0)
