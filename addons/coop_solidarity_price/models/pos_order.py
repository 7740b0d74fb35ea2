# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import float_compare, format_amount


class PosOrder(models.Model):
    _inherit = "pos.order"

    coop_cap_exceeded = fields.Boolean(
        string="Monthly cap exceeded",
        readonly=True,
        copy=False,
        help="The order used more solidarity advantage than the member had left"
        " this month. The paid order is kept; staff decide what to do.",
    )
    coop_price_differs = fields.Boolean(
        string="Prices to check",
        readonly=True,
        copy=False,
        index=True,
        help="Some lines were sold at another price than the customer's own"
        " tier gives (a price typed at the till, another tier's pricelist):"
        " the paid order is kept, those lines never count as solidarity; the"
        " managers check them.",
    )

    @api.model
    def _process_order(self, order, existing_order):
        # The till sends back every field of the order it knows: the checks
        # are the server's, never the till's.
        for field in ("coop_cap_exceeded", "coop_price_differs"):
            order.pop(field, None)
        for command in order.get("lines") or []:
            if len(command) == 3 and isinstance(command[2], dict):
                for field in ("coop_expected_price", "coop_price_differs"):
                    command[2].pop(field, None)
        return super()._process_order(order, existing_order)

    def _process_saved_order(self, draft):
        order_id = super()._process_saved_order(draft)
        if not draft and self.state in ("paid", "done", "invoiced"):
            self._coop_record_solidarity()
        return order_id

    def _coop_customer_tier(self):
        """The tier that prices this order's customer, decided here, never
        by the pricelist the till sent: her own tier at the order's date,
        in the till's coop (``res.partner._coop_effective_tier``); the
        reference tier for a sale without a member. Empty in a coop without
        tiers."""
        self.ensure_one()
        Tier = self.env["coop.price.tier"].sudo()
        reference = Tier._get_reference_tier(self.company_id)
        partner = self.partner_id.commercial_partner_id
        if not reference or not partner:
            return reference
        tier = partner.with_company(self.company_id)._coop_effective_tier(
            self.date_order.date()
        )
        return tier if tier.company_id == self.company_id else reference

    def _coop_check_prices(self, lines, tier):
        """Compare each of ``lines`` (goods) with the price the server
        expects: ``tier``'s, or the reference price once a member's
        allowance is used up (the till switches to it). A line at another
        price is flagged, with the expected price, and a note tells the
        managers who sold it at what price. Returns the lines at the
        expected price."""
        self.ensure_one()
        Tier = self.env["coop.price.tier"].sudo()
        reference = Tier._get_reference_tier(self.company_id)
        date = self.date_order
        expected = tier.pricelist_id._compute_price_rule(
            lines.product_id, 1.0, date=date
        )
        at_reference = reference.pricelist_id._compute_price_rule(
            lines.product_id, 1.0, date=date
        )
        digits = self.env["decimal.precision"].precision_get("Product Price")
        differing = self.env["pos.order.line"]
        for line in lines:
            price = expected[line.product_id.id][0]
            charged = line.price_unit * (1 - line.discount / 100)
            fits = not float_compare(charged, price, precision_digits=digits) or (
                tier.is_discount
                and not float_compare(
                    charged,
                    at_reference[line.product_id.id][0],
                    precision_digits=digits,
                )
            )
            line.coop_expected_price = price
            if not fits:
                differing |= line
        if differing:
            differing.coop_price_differs = True
            self.coop_price_differs = True
            self._coop_post_price_differences(differing)
        return lines - differing

    def _coop_post_price_differences(self, lines):
        """Tell the managers, on the order, which lines were sold at another
        price than expected, by whom, and the difference."""
        cashier = self.employee_id.name if "employee_id" in self._fields else ""
        cashier = cashier or self.user_id.name
        currency = self.currency_id
        items = Markup("").join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(product)s: %(charged)s instead of %(expected)s (%(difference)s)",
                product=line.full_product_name or line.product_id.display_name,
                charged=format_amount(
                    self.env, line.price_unit * (1 - line.discount / 100), currency
                ),
                expected=format_amount(self.env, line.coop_expected_price, currency),
                difference=format_amount(
                    self.env,
                    line.qty
                    * (
                        line.price_unit * (1 - line.discount / 100)
                        - line.coop_expected_price
                    ),
                    currency,
                ),
            )
            for line in lines
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._(
                "Unit prices changed at the till by %(cashier)s (not counted"
                " as solidarity):",
                cashier=cashier,
            ),
            items,
        )
        self._coop_message_post(body=body)

    def _coop_record_solidarity(self):
        """Fund entries for the lines sold at the customer's own tier price
        (never the pricelist the till sent: ``_coop_customer_tier``); lines
        at another price are flagged, never counted; the monthly cap is
        checked and an excess flagged, never refused: the order is paid."""
        self.ensure_one()
        # sudo: the cashier's sale feeds the fund, which cashiers can't read.
        Entry = self.env["coop.solidarity.entry"].sudo()
        if Entry.search_count([("pos_order_line_id", "in", self.lines.ids)], limit=1):
            return  # the order was sent again
        refunds = self.lines.filtered("refunded_orderline_id")
        if refunds:
            self._coop_record_solidarity_refunds(refunds)
        tier = self._coop_customer_tier()
        if not tier:
            return  # a coop without tiers: one price for all
        goods = (self.lines - refunds).filtered(lambda line: line._coop_is_goods())
        at_tier = self._coop_check_prices(goods, tier)
        partner = self.partner_id.commercial_partner_id
        if tier.is_reference or not partner:
            return
        used_before = partner._coop_advantage_used(self.date_order.date()).get(
            partner.id, 0.0
        )
        entries = Entry._create_for_lines(
            [line._coop_fund_line() for line in at_tier],
            partner,
            tier,
            self.date_order.date(),
            "pos_order_line_id",
        )
        advantage = sum(
            entries.filtered(lambda e: e.member_advantage > 0).mapped(
                "member_advantage"
            )
        )
        if tier._monthly_cap_exceeded(used_before + advantage):
            self.coop_cap_exceeded = True
            self._coop_message_post(
                body=self.env._(
                    "This order used %(advantage)s of solidarity advantage while"
                    " %(left)s was left this month.",
                    advantage=round(advantage, 2),
                    left=round(tier._monthly_cap_left(used_before), 2),
                )
            )

    def _coop_record_solidarity_refunds(self, lines):
        """Returned goods give back what their sale cost or brought the fund:
        a counter-entry per refund line, at the prices of the original sale
        (not today's), whatever the pricelist of the refund order."""
        Entry = self.env["coop.solidarity.entry"].sudo()
        originals = {
            entry.pos_order_line_id: entry
            for entry in Entry.search(
                [("pos_order_line_id", "in", lines.refunded_orderline_id.ids)]
            )
        }
        vals_list = []
        for line in lines:
            original = originals.get(line.refunded_orderline_id)
            if not original or not original.quantity:
                continue  # sold at the reference price: nothing to give back
            lang_env = Entry._coop_lang_env(original.company_id)
            vals_list.append(
                {
                    **original._correction_values(
                        line.qty,
                        lang_env._(
                            "Return: %(product)s",
                            product=original.product_id.with_env(lang_env).display_name,
                        ),
                        self.date_order.date(),
                    ),
                    "pos_order_line_id": line.id,
                }
            )
        return Entry.create(vals_list)
