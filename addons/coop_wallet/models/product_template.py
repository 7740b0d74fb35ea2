# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    coop_money_kind = fields.Selection(
        [
            ("top_up", "Prepaid account top-up"),
            ("donation", "Donation to the solidarity fund"),
            ("payment", "Paid with the prepaid account"),
        ],
        string="Money, not goods",
        help="A top-up credits the member's prepaid account (the eWallet), a"
        " payment with the account is taken from it; a donation goes to the"
        " solidarity fund. None is priced by a tier nor counted as goods in"
        " the fund, and none carries VAT.",
    )

    @api.constrains("coop_money_kind", "taxes_id")
    def _check_coop_money_untaxed(self):
        for template in self.filtered("coop_money_kind"):
            if template.taxes_id:
                raise ValidationError(
                    self.env._(
                        "%(product)s is a top-up, a payment or a donation: money,"
                        " not a sale, so it carries no VAT (VAT is due on the goods"
                        " the top-up pays for). Remove its taxes.",
                        product=template.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        if templates.filtered("coop_money_kind"):
            templates._coop_resync_tiers()
        return templates

    def write(self, vals):
        res = super().write(vals)
        if "coop_money_kind" in vals:
            self._coop_resync_tiers()
        return res

    def _coop_resync_tiers(self):
        # The tiers' pricelists list the products no tier discounts.
        domain = [("company_id", "!=", False)]
        if all(template.company_id for template in self):
            domain = [("company_id", "in", self.company_id.ids)]
        self.env["coop.price.tier"].sudo().search(domain)._sync_pricelist()

    def _coop_set_donation_accounts(self):
        """A donation to the fund is income of the coop, not a sale: 758000
        "Produits divers de gestion courante" (French chart), in each company
        (companies without the French chart keep the account set by hand)."""
        for company in self.env["res.company"].search([("chart_template", "=", "fr")]):
            account = (
                self.env["account.chart.template"]
                .with_company(company)
                .ref("pcg_758", raise_if_not_found=False)
            )
            if account:
                self.with_company(company).write(
                    {"property_account_income_id": account.id}
                )
