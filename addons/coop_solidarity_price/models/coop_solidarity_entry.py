# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_is_zero


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
    origin_entry_id = fields.Many2one(
        "coop.solidarity.entry",
        string="Correction of",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The sale's entry this one corrects: goods taken off a confirmed"
        " order or added to it, an order cancelled.",
    )

    _sql_constraints = [
        (
            "pos_line_uniq",
            "unique(pos_order_line_id)",
            "A POS line enters the fund once.",
        ),
    ]

    def init(self):
        # A sale order line enters the fund once; its corrections follow it.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS coop_solidarity_entry_sale_line_once"
            " ON coop_solidarity_entry (sale_order_line_id)"
            " WHERE origin_entry_id IS NULL"
        )

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
    def _coop_lang_env(self, company):
        """The environment in the coop's language (its address card's): the
        ledger's descriptions are the coop's records, read by its staff, in
        one language whoever writes them (a cashier, a member's change, a
        job running in English)."""
        # sudo: the company's address card.
        lang = company.sudo().partner_id.lang
        return self.with_context(lang=lang).env if lang else self.env

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
        lang_env = self._coop_lang_env(company)
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
                    "name": product.with_env(lang_env).display_name,
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
    def _follow_sale_lines(self, lines):
        """The fund follows the goods: when a confirmed order line sells
        another quantity than the fund recorded (taken off at the close,
        cancelled, edited), or goods worth another amount (weighed: see
        ``sale.order.line._coop_fund_value_ratio``), a correction at the
        original sale's prices gives back (or adds) the fund's cost and the
        member's advantage. The one path for every such change."""
        entries = self.search(
            [("sale_order_line_id", "in", lines.ids), ("entry_type", "=", "sale")]
        )
        if not entries:
            return self.browse()
        by_line = defaultdict(self.browse)
        for entry in entries:
            by_line[entry.sale_order_line_id] |= entry
        vals_list = []
        for line, line_entries in by_line.items():
            original = line_entries.filtered(lambda e: not e.origin_entry_id)[:1]
            if not original or not original.quantity:
                continue
            currency = original.currency_id
            sold = 0.0 if line.order_id.state == "cancel" else line.product_uom_qty
            delta = sold - sum(line_entries.mapped("quantity"))
            # What the line's goods cost the fund now, at the original
            # sale's prices, and what is recorded: the correction is the gap.
            share = sold / original.quantity * line._coop_fund_value_ratio()
            amount = currency.round(original.amount * share) - sum(
                line_entries.mapped("amount")
            )
            advantage = currency.round(original.member_advantage * share) - sum(
                line_entries.mapped("member_advantage")
            )
            if (
                float_is_zero(delta, precision_rounding=line.product_uom.rounding)
                and currency.is_zero(amount)
                and currency.is_zero(advantage)
            ):
                continue
            lang_env = self._coop_lang_env(original.company_id)
            if line.order_id.state == "cancel":
                label = lang_env._("Order cancelled: %(product)s")
            elif float_is_zero(delta, precision_rounding=line.product_uom.rounding):
                label = lang_env._("Real weight: %(product)s")
            elif delta < 0:
                label = lang_env._("Taken off the order: %(product)s")
            else:
                label = lang_env._("Added to the order: %(product)s")
            product_name = original.product_id.with_env(lang_env).display_name
            vals_list.append(
                {
                    **original._correction_values(
                        delta, label % {"product": product_name}
                    ),
                    "amount": amount,
                    "member_advantage": advantage,
                    "sale_order_line_id": line.id,
                }
            )
        corrections = self.create(vals_list)
        for company in corrections.company_id:
            self._check_fund_alert(company)
        return corrections

    def _correction_values(self, quantity, name, date=None):
        """Values of an entry correcting this sale's entry for ``quantity``
        (negative: goods given back), at the original sale's prices: the
        one way the fund and the allowance follow goods returned, taken off
        or cancelled (till and sales orders)."""
        self.ensure_one()
        ratio = quantity / self.quantity
        return {
            "date": date or fields.Date.context_today(self),
            "name": name,
            "entry_type": "sale",
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "tier_id": self.tier_id.id,
            "product_id": self.product_id.id,
            "quantity": quantity,
            "reference_price": self.reference_price,
            "charged_price": self.charged_price,
            "amount": self.currency_id.round(self.amount * ratio),
            "member_advantage": self.currency_id.round(self.member_advantage * ratio),
            "origin_entry_id": self.id,
        }

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
    def _cron_fund_policy(self):
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
