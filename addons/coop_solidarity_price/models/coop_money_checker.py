# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import float_compare


class CoopMoneyChecker(models.AbstractModel):
    _inherit = "coop.money.checker"

    @api.model
    def _checks(self):
        return [*super()._checks(), self._check_fund, self._check_allowances]

    @api.model
    def _fund_entries_by_line(self, field):
        """{line: its sale entries} of the order lines (``field``: the
        entry's line field) the fund counts."""
        # sudo: the checker reads every company's fund.
        entries = (
            self.env["coop.solidarity.entry"]
            .sudo()
            .search([(field, "!=", False), ("entry_type", "=", "sale")])
        )
        by_line = defaultdict(lambda: self.env["coop.solidarity.entry"].sudo())
        for entry in entries:
            by_line[entry[field]] |= entry
        return by_line

    @api.model
    def _check_fund(self):
        """The fund holds the price differences of goods as delivered: each
        order line's entries add up to what its goods cost the fund now (its
        sale's difference for the quantity still sold, at the real weight;
        nothing once cancelled), and the member's advantage likewise. Money
        (a payment, a top-up, a fee) never enters it as a sale, nor does a
        till line sold at another price than the customer's tier."""
        problems = []
        for line, entries in self._fund_entries_by_line("sale_order_line_id").items():
            original = entries.filtered(lambda e: not e.origin_entry_id)[:1]
            if not line._coop_is_goods():
                problems.append(
                    self._problem(
                        "fund",
                        f"{line.order_id.name}: {line.name} is no goods, yet"
                        " in the fund",
                        entries,
                    )
                )
                continue
            if not original or not original.quantity:
                continue
            currency = original.currency_id
            sold = 0.0 if line.order_id.state == "cancel" else line.product_uom_qty
            share = sold / original.quantity * line._coop_fund_value_ratio()
            for field in ("amount", "member_advantage"):
                expected = currency.round(original[field] * share)
                recorded = sum(entries.mapped(field))
                if currency.compare_amounts(expected, recorded):
                    problems.append(
                        self._problem(
                            "fund",
                            f"{line.order_id.name}, {line.product_id.display_name}:"
                            f" {field} {recorded:.2f} in the fund,"
                            f" {expected:.2f} for the goods as delivered",
                            entries,
                        )
                    )
        for line, entries in self._fund_entries_by_line("pos_order_line_id").items():
            if not line._coop_is_goods() or line.coop_price_differs:
                problems.append(
                    self._problem(
                        "fund",
                        f"{line.order_id.name}: {line.full_product_name} counted"
                        " as solidarity (no goods, or not at the tier's price)",
                        entries,
                    )
                )
                continue
            charged = line.price_unit * (1 - line.discount / 100)
            entry = entries[:1]
            if entry.currency_id.compare_amounts(
                entry.charged_price, charged
            ) or float_compare(
                entry.quantity,
                line.qty,
                precision_rounding=line.product_uom_id.rounding,
            ):
                problems.append(
                    self._problem(
                        "fund",
                        f"{line.order_id.name}: the fund recorded"
                        f" {entry.quantity:g} at {entry.charged_price:.2f},"
                        f" the till sold {line.qty:g} at {charged:.2f}",
                        entries,
                    )
                )
        return problems

    @api.model
    def _check_allowances(self):
        """A member's allowance used this month is the sum of the advantages
        of the goods she got this month (returns and goods taken off
        deducted), as the till and the shop read it."""
        problems = []
        today = fields.Date.context_today(self)
        month_start = today.replace(day=1)
        # The month as the allowance's owner reads it (_coop_advantage_used):
        # a sale of the coop's new day, after midnight in its time zone, is
        # dated after the checker's "today" when it runs in UTC.
        next_month = month_start + relativedelta(months=1)
        # sudo: the checker reads every member's allowance.
        entries = (
            self.env["coop.solidarity.entry"]
            .sudo()
            .search(
                [
                    ("entry_type", "=", "sale"),
                    ("date", ">=", month_start),
                    ("date", "<", next_month),
                    ("partner_id", "!=", False),
                ]
            )
        )
        expected = defaultdict(float)
        for entry in entries:
            sale = entry.origin_entry_id or entry
            if sale.member_advantage > 0:
                expected[entry.partner_id] += entry.member_advantage
        partners = entries.partner_id
        used = partners._coop_advantage_used(today)
        for partner in partners:
            currency = partner.env.company.currency_id
            if currency.compare_amounts(used.get(partner.id, 0.0), expected[partner]):
                problems.append(
                    self._problem(
                        "allowance",
                        f"{partner.name}: {used.get(partner.id, 0.0):.2f} used this"
                        f" month, {expected[partner]:.2f} of goods",
                        partner,
                    )
                )
        return problems
