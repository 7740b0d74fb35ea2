# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    coop_cap_notice = fields.Char(
        string="Monthly allowance notice",
        readonly=True,
        copy=False,
        help="Set when the member's monthly allowance was used up and the order"
        " was repriced at the reference price.",
    )

    def _coop_tier(self):
        self.ensure_one()
        return self.env["coop.price.tier"]._get_pricelist_tier(self.pricelist_id)

    def _recompute_prices(self):
        res = super()._recompute_prices()
        for order in self:
            order._coop_apply_monthly_cap()
        return res

    def _coop_tiered_lines(self):
        """The lines a tier prices: goods, not section notes nor delivery fees
        (a fee is never counted in the fund nor in the allowance)."""
        return self.order_line.filtered(
            lambda line: (
                line.product_id
                and not line.display_type
                and not line._is_delivery()
                and not line.is_downpayment
                and line._coop_is_goods()
            )
        )

    def _coop_fund_lines(self, lines=None):
        """(line, product, qty, unit price charged, taxes) of the tiered lines
        (those of ``lines`` only, when given), as the fund ledger reads
        them."""
        tiered = self._coop_tiered_lines()
        if lines is not None:
            tiered &= lines
        return [line._coop_fund_line() for line in tiered]

    def _coop_advantage(self, tier):
        """What this order saves the member, as the allowance counts it."""
        return sum(
            diff["member_advantage"]
            for diff in self.env["coop.solidarity.entry"]._line_differences(
                self._coop_fund_lines(), tier.company_id
            )
        )

    def _coop_apply_monthly_cap(self):
        """Past the member's monthly allowance, the order takes the reference
        prices (at checkout in the shop, and whenever prices are updated)."""
        self.ensure_one()
        tier = self._coop_tier()
        if self.state != "draft" or not tier._monthly_cap_applies():
            return
        partner = self.partner_id.commercial_partner_id
        used = partner._coop_advantage_used().get(partner.id, 0.0)
        if not tier._monthly_cap_exceeded(used + self._coop_advantage(tier)):
            return
        reference = (
            self.env["coop.price.tier"].sudo()._get_reference_tier(tier.company_id)
        )
        self.pricelist_id = reference.pricelist_id
        super()._recompute_prices()
        self.coop_cap_notice = self.env._(
            "Your solidarity allowance for this month is used up: this order is"
            " at the reference price."
        )
        self._coop_message_post(body=self.coop_cap_notice)

    def action_confirm(self):
        res = super().action_confirm()
        for order in self:
            order._coop_record_solidarity()
        return res

    def _action_cancel(self):
        res = super()._action_cancel()
        # sudo: a cancelled order gives the fund back, whoever cancels.
        self.env["coop.solidarity.entry"].sudo()._follow_sale_lines(self.order_line)
        return res

    def _coop_record_solidarity(self, lines=None):
        """The fund entries of the order's tiered lines (of ``lines`` only:
        lines added to a confirmed order)."""
        tier = self._coop_tier()
        partner = self.partner_id.commercial_partner_id
        if not tier or tier.is_reference:
            return
        # sudo: confirming a member's order feeds the fund, whoever confirms.
        self.env["coop.solidarity.entry"].sudo()._create_for_lines(
            self._coop_fund_lines(lines),
            partner,
            tier,
            fields.Date.context_today(self),
            "sale_order_line_id",
        )
