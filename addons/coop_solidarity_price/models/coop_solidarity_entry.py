# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class CoopSolidarityEntry(models.Model):
    """The solidarity fund ledger.

    One entry per line sold at a tier price: reference price, price charged
    and the difference (negative: a cost of a discounted tier; positive: a
    contribution of a supportive tier). Donations and subsidies are manual
    entries. The balance and each member's monthly usage are SQL aggregates.
    """

    _name = "coop.solidarity.entry"
    _description = "Solidarity fund entry"
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    name = fields.Char(string="Description", required=True)
    entry_type = fields.Selection(
        [
            ("sale", "Sale at a tier price"),
            ("donation", "Donation"),
            ("subsidy", "Subsidy"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="donation",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Member or donor", index="btree_not_null"
    )
    tier_id = fields.Many2one("coop.price.tier", index=True)
    product_id = fields.Many2one("product.product")
    quantity = fields.Float(default=1.0)
    reference_price = fields.Monetary(help="Unit price of the reference tier.")
    charged_price = fields.Monetary(help="Unit price paid.")
    amount = fields.Monetary(
        required=True,
        help="Negative: what a discounted tier cost the fund; positive: a"
        " supportive tier's contribution, a donation or a subsidy. Taxes"
        " excluded: the coop's revenue.",
    )
    member_advantage = fields.Monetary(
        string="Member's advantage",
        readonly=True,
        help="What the member saved on this line, taxes included (the"
        " reference price minus the price paid, as on the receipt): what the"
        " monthly allowance counts.",
    )
    pos_order_line_id = fields.Many2one(
        "pos.order.line", readonly=True, index="btree_not_null"
    )
    sale_order_line_id = fields.Many2one(
        "sale.order.line", readonly=True, index="btree_not_null"
    )

    _sql_constraints = [
        (
            "pos_line_uniq",
            "unique(pos_order_line_id)",
            "A POS line enters the fund once.",
        ),
        (
            "sale_line_uniq",
            "unique(sale_order_line_id)",
            "A sale order line enters the fund once.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        entries = super().create(vals_list)
        manual = entries.filtered(lambda e: e.entry_type != "sale")
        for company in manual.company_id:
            self._check_fund_alert(company)
        return entries

    @api.constrains("entry_type", "amount")
    def _check_manual_amount(self):
        for entry in self.filtered(lambda e: e.entry_type in ("donation", "subsidy")):
            if entry.amount <= 0:
                raise UserError(
                    self.env._("A donation or a subsidy brings a positive amount.")
                )

    def write(self, vals):
        if self.filtered(lambda e: e.entry_type == "sale"):
            raise UserError(
                self.env._("Entries of sales follow the sales: they can't be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sales(self):
        if self.filtered(lambda e: e.entry_type == "sale"):
            raise UserError(
                self.env._("Entries of sales follow the sales: they can't be deleted.")
            )

    @api.model
    def _fund_balance(self, company=None):
        """Balance of the fund: one aggregate query."""
        company = company or self.env.company
        self.flush_model(["amount", "company_id"])
        self.env.cr.execute(
            SQL(
                "SELECT COALESCE(SUM(amount), 0) FROM coop_solidarity_entry"
                " WHERE company_id = %s",
                company.id,
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _line_differences(self, lines, company):
        """The one definition of what a sale at a tier price costs the fund
        and saves the member. ``lines`` are (line, product, qty, unit price
        charged, taxes) tuples; returns, per tuple, a dict with the reference
        unit price, ``amount`` (price paid − reference price, taxes excluded:
        the fund) and ``member_advantage`` (reference price − price paid,
        taxes included: the allowance, as the receipt shows it). Reference
        prices come from the reference tier's pricelist, computed here."""
        products = self.env["product.product"].browse(
            {product.id for _line, product, _qty, _price, _taxes in lines}
        )
        reference_prices = self.env["coop.price.tier"]._reference_prices(
            products, company
        )
        currency = company.currency_id
        result = []
        for _line, product, qty, charged, taxes in lines:
            reference = reference_prices[product.id]
            at_reference = taxes.compute_all(reference, currency, qty, product)
            paid = taxes.compute_all(charged, currency, qty, product)
            result.append(
                {
                    "reference_price": reference,
                    "amount": currency.round(
                        paid["total_excluded"] - at_reference["total_excluded"]
                    ),
                    "member_advantage": currency.round(
                        at_reference["total_included"] - paid["total_included"]
                    ),
                }
            )
        return result

    @api.model
    def _create_for_lines(self, lines, partner, tier, date, origin_field):
        """Fund entries for sold lines (see ``_line_differences``); lines sold
        at the reference price make none."""
        company = tier.company_id
        currency = company.currency_id
        vals_list = []
        for (line, product, qty, charged, _taxes), diff in zip(
            lines, self._line_differences(lines, company), strict=True
        ):
            if currency.is_zero(diff["amount"]) and currency.is_zero(
                diff["member_advantage"]
            ):
                continue
            vals_list.append(
                {
                    "date": date,
                    "name": product.display_name,
                    "entry_type": "sale",
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "tier_id": tier.id,
                    "product_id": product.id,
                    "quantity": qty,
                    "charged_price": charged,
                    origin_field: line.id,
                    **diff,
                }
            )
        entries = self.create(vals_list)
        if entries:
            self._check_fund_alert(company)
        return entries

    @api.model
    def _check_fund_alert(self, company):
        """Under the threshold, the members managers get one activity; with
        the policy on, a negative balance pauses the discounted tiers."""
        balance = self._fund_balance(company)
        threshold = company.coop_fund_alert_threshold
        if balance < threshold:
            self._schedule_fund_alert(company, balance)
        if company.coop_fund_suspend_when_negative:
            self._apply_fund_policy(company, balance)

    def _schedule_fund_alert(self, company, balance):
        """One open alert per manager: found again by its activity type, a
        stable key (its summary is translated in each manager's language)."""
        managers = self.env.ref("coop_members.coop_member_group_manager").users
        managers = managers.filtered(lambda u: not u.share and company in u.company_ids)
        activity_type = self.env.ref(
            "coop_solidarity_price.mail_activity_type_fund_low"
        )
        model = self.env["ir.model"]._get("res.company")
        Activity = self.env["mail.activity"].sudo()
        alerted = Activity.search(
            [
                ("res_model_id", "=", model.id),
                ("res_id", "=", company.id),
                ("activity_type_id", "=", activity_type.id),
                ("user_id", "in", managers.ids),
            ]
        ).user_id
        for manager in managers - alerted:
            Activity.with_context(lang=manager.lang).create(
                {
                    "res_model_id": model.id,
                    "res_id": company.id,
                    "user_id": manager.id,
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.with_context(lang=manager.lang).summary,
                    "note": self.with_context(lang=manager.lang).env._(
                        "The solidarity fund is at %(balance)s, under the alert"
                        " threshold of %(threshold)s.",
                        balance=round(balance, 2),
                        threshold=company.coop_fund_alert_threshold,
                    ),
                }
            )

    def _apply_fund_policy(self, company, balance):
        """When the fund crosses zero, discounted tiers pause (or resume) at
        once for every new price; the members' pricelists and open orders
        follow in a job, never inside the sale that crossed zero (a till's
        sync must not wait on a network-wide repricing)."""
        paused = balance < 0
        if paused == company.coop_fund_discounts_paused:
            return
        company.sudo().coop_fund_discounts_paused = paused
        self.env.ref("coop_solidarity_price.ir_cron_coop_fund_policy")._trigger()

    @api.model
    def _cron_coop_fund_policy(self):
        """Re-price the members of discounted tiers of the companies whose
        fund policy is on (only those whose pricelist has to change move)."""
        companies = self.env["res.company"].search(
            [("coop_fund_suspend_when_negative", "=", True)]
        )
        for company in companies:
            members = (
                self.env["res.partner"]
                .sudo()
                .search(
                    [
                        ("coop_price_tier_id.is_discount", "=", True),
                        ("coop_price_tier_id.company_id", "=", company.id),
                    ]
                )
            )
            members.with_company(company)._coop_apply_price_tier()
