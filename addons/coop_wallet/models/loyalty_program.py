# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    @api.model_create_multi
    def create(self, vals_list):
        programs = super().create(vals_list)
        programs._coop_set_wallet_accounts()
        return programs

    def write(self, vals):
        res = super().write(vals)
        if {"rule_ids", "reward_ids", "program_type", "company_id"} & set(vals):
            self._coop_set_wallet_accounts()
        return res

    def _coop_set_wallet_accounts(self):
        """Money paid into an eWallet is a customer advance, a liability, not
        revenue: its top-up products and its payment product book to
        419100 "Clients - Avances et acomptes reçus sur commandes" (French
        chart), in each company the program serves. Revenue comes when the
        wallet pays for goods, on the goods' own accounts. Companies without
        the French chart keep the accounts set by hand."""
        for program in self.filtered(lambda p: p.program_type == "ewallet"):
            products = program.rule_ids.product_ids | program.reward_ids.mapped(
                "discount_line_product_id"
            )
            companies = program.company_id or self.env["res.company"].search(
                [("chart_template", "=", "fr")]
            )
            for company in companies:
                account = (
                    self.env["account.chart.template"]
                    .with_company(company)
                    .ref("pcg_4191", raise_if_not_found=False)
                )
                if account:
                    # sudo: loyalty managers set programs, not accounts.
                    products.product_tmpl_id.with_company(company).sudo().write(
                        {"property_account_income_id": account.id}
                    )
