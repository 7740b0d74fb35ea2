# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models
from odoo.exceptions import UserError


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

    @api.model
    def _coop_wallet_program(self, company=None, pos_config=None):
        """The members' prepaid account of ``company`` (the current one);
        with ``pos_config``, only if that till takes it."""
        company = company or self.env.company
        domain = [
            ("program_type", "=", "ewallet"),
            ("company_id", "in", [company.id, False]),
            ("active", "=", True),
        ]
        if pos_config:
            domain += [
                ("pos_ok", "=", True),
                "|",
                ("pos_config_ids", "=", False),
                ("pos_config_ids", "in", pos_config.ids),
            ]
        return self.search(domain, order="company_id", limit=1)

    def _coop_card_of(self, partner):
        """``partner``'s card of this program (one query, whatever the
        number of members' cards)."""
        self.ensure_one()
        return self.env["loyalty.card"].search(
            [("program_id", "=", self.id), ("partner_id", "=", partner.id)],
            order="points desc",
            limit=1,
        )

    def _coop_top_up_order(self, partner, product_id, donation=0):
        """The quotation of an online top-up of ``partner``'s account: the
        top-up product (one of this program's) and a donation to the fund
        of ``donation`` euros; paid online, it is confirmed and the points
        are hers (sale_loyalty). Checked here, whatever the caller."""
        self.ensure_one()
        product = self.rule_ids.product_ids.filtered(lambda p: p.id == product_id)
        if not product:
            raise UserError(self.env._("Choose an amount to top up."))
        if not 0 <= donation <= 100:
            raise UserError(
                self.env._("A donation to the solidarity fund is 0 to 100 €.")
            )
        lines = [Command.create({"product_id": product.id, "product_uom_qty": 1})]
        if donation:
            gift = self.env["product.product"].search(
                [
                    ("coop_money_kind", "=", "donation"),
                    ("company_id", "in", [self.company_id.id, False]),
                ],
                limit=1,
            )
            if gift:
                lines.append(
                    Command.create(
                        {
                            "product_id": gift.id,
                            "product_uom_qty": donation / (gift.lst_price or 1.0),
                        }
                    )
                )
        # sudo: a member creates her own top-up quotation (members have no
        # right to create sale orders); partner and products are checked.
        order = (
            self.env["sale.order"]
            .sudo()
            .with_company(self.company_id or self.env.company)
            .create(
                {
                    "partner_id": partner.id,
                    # Nothing to ship: not her pickup point's address.
                    "partner_shipping_id": partner.id,
                    "company_id": (self.company_id or self.env.company).id,
                    "require_signature": False,
                    "require_payment": True,
                    # Money for her account: no offer that expires, no
                    # salesperson to talk to.
                    "validity_date": False,
                    "user_id": False,
                    "prepayment_percent": 1.0,
                    "order_line": lines,
                }
            )
        )
        order._update_programs_and_rewards()
        return order
