# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

PAID_STATES = ("paid", "done", "invoiced")


class PosOrder(models.Model):
    _inherit = "pos.order"

    def _coop_meal_voucher_amount(self):
        """What this order received in titres-restaurant."""
        self.ensure_one()
        return sum(
            self.payment_ids.filtered(
                lambda p: p.payment_method_id.coop_meal_voucher
            ).mapped("amount")
        )

    def _coop_meal_voucher_eligible_amount(self):
        """The food of this order titres-restaurant may pay (taxes in)."""
        self.ensure_one()
        lines = self.lines.with_company(self.company_id).filtered(
            lambda line: line.qty > 0 and line.product_id.coop_meal_voucher_ok
        )
        return sum(lines.mapped("price_subtotal_incl"))

    @api.model
    def _coop_meal_voucher_day(self, moment):
        """The day of ``moment`` (UTC) in the till's time zone, as UTC
        bounds: a day's limit runs from midnight to midnight in Lille."""
        tz = pytz.timezone(self.env.user.tz or "Europe/Paris")
        local_day = pytz.utc.localize(moment).astimezone(tz).date()
        start = tz.localize(datetime.combine(local_day, time.min))
        end = tz.localize(datetime.combine(local_day + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    @api.model
    def _coop_meal_voucher_spent(self, partner, company, moment, but=None):
        """What ``partner`` paid in titres-restaurant at ``company``'s tills
        on the day of ``moment``, the orders ``but`` left out."""
        if not partner:
            return 0.0
        start, end = self._coop_meal_voucher_day(moment)
        payments = self.env["pos.payment"].search(
            [
                ("payment_method_id.coop_meal_voucher", "=", True),
                ("pos_order_id.partner_id", "=", partner.id),
                ("pos_order_id.company_id", "=", company.id),
                ("pos_order_id.state", "in", PAID_STATES),
                ("pos_order_id.date_order", ">=", start),
                ("pos_order_id.date_order", "<", end),
                ("pos_order_id", "not in", but.ids if but else []),
            ]
        )
        return sum(payments.mapped("amount"))

    def _coop_meal_voucher_problem(self):
        """Why this order's titres-restaurant are not allowed, or False.

        The rules (Code du travail, art. R3262-4 and R3262-10): food only,
        without alcohol; at most the daily limit per person; no change. The
        one place they are decided: the till asks the same questions before
        it sends the order, the server refuses what breaks them."""
        self.ensure_one()
        currency = self.currency_id
        amount = self._coop_meal_voucher_amount()
        if currency.compare_amounts(amount, 0.0) <= 0:
            return False

        def money(value):
            return format_amount(self.env, value, currency)

        eligible = self._coop_meal_voucher_eligible_amount()
        if currency.compare_amounts(amount, eligible) > 0:
            return self.env._(
                "Titres-restaurant pay for food only: at most %(eligible)s in"
                " this order (alcohol, non-food goods, shares, top-ups and"
                " donations excluded); %(amount)s were entered.",
                eligible=money(eligible),
                amount=money(amount),
            )
        company = self.company_id
        limit = company.coop_meal_voucher_daily_limit
        spent = self._coop_meal_voucher_spent(
            self.partner_id, company, self.date_order, but=self
        )
        if currency.compare_amounts(spent + amount, limit) > 0:
            return self.env._(
                "Titres-restaurant: at most %(limit)s a day per person;"
                " %(spent)s already paid today, %(amount)s more were entered.",
                limit=money(limit),
                spent=money(spent),
                amount=money(amount),
            )
        cash_given = sum(
            self.payment_ids.filtered(
                lambda p: p.payment_method_id.is_cash_count and p.amount > 0
            ).mapped("amount")
        )
        if currency.compare_amounts(self.amount_return, cash_given) > 0:
            return self.env._(
                "Titres-restaurant give no change: enter no more than what is"
                " due, or pay the rest in cash."
            )
        return False

    @api.model
    def _process_order(self, order, existing_order):
        order_id = super()._process_order(order, existing_order)
        problem = self.browse(order_id)._coop_meal_voucher_problem()
        if problem:
            # The whole sync is rolled back: no order, no payment.
            raise UserError(problem)
        return order_id

    @api.model
    def coop_meal_voucher_spent_today(self, partner_id):
        """For the till: what the customer already paid in titres-restaurant
        today in this company (the daily limit is per person)."""
        partner = self.env["res.partner"].browse(partner_id).exists()
        return self._coop_meal_voucher_spent(
            partner, self.env.company, fields.Datetime.now()
        )
