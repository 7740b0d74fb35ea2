# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _coop_wallet_lines(self):
        """The lines paid with the member's prepaid account."""
        return self.order_line.filtered(
            lambda line: line.reward_id.program_id.program_type == "ewallet"
        )

    def _coop_pay_with_wallet(self):
        """Pay this draft order with the member's prepaid account, as far as
        its balance goes (a standing basket's order at a cycle's opening);
        nothing happens without a balance: the order is paid at pickup."""
        self.ensure_one()
        program = (
            self.env["loyalty.program"].sudo()._coop_wallet_program(self.company_id)
        )
        card = program._coop_card_of(self.partner_id) if program else False
        if not card or card.points <= 0 or self._coop_wallet_lines():
            return False
        self._update_programs_and_rewards()
        status = self._apply_program_reward(program.reward_ids[:1], card)
        return "error" not in status

    def _coop_rebalance_wallet(self):
        """An order paid with the prepaid account that shrinks (goods taken
        off at the close, lighter than estimated, changed by the member)
        never takes more from the account than its goods are worth: the
        payment line shrinks and the difference goes back to the account
        (sale_loyalty credits the card with the points no longer spent),
        noted in the account's history. Paid at pickup or online, the rest
        follows the order's own path."""
        for order in self.filtered(lambda o: o.state == "sale"):
            wallet_lines = order._coop_wallet_lines()
            if not wallet_lines:
                continue
            currency = order.currency_id
            goods = sum((order.order_line - wallet_lines).mapped("price_total"))
            paid = -sum(wallet_lines.mapped("price_total"))
            excess = currency.round(paid - max(goods, 0.0))
            if currency.compare_amounts(excess, 0) <= 0:
                continue
            line = wallet_lines[:1]
            new_paid = currency.round(-line.price_total - excess)
            locked = order.locked
            # sudo: the account follows the member's order, whoever changes
            # it; the lock of a closed cycle is lifted for this line only.
            order = order.sudo()
            if locked:
                order.action_unlock()
            line.sudo().with_context(coop_wallet_rebalance=True).write(
                {"price_unit": -new_paid, "points_cost": new_paid}
            )
            if locked:
                order.action_lock()
            self.env["loyalty.history"].sudo().create(
                {
                    "card_id": line.coupon_id.id,
                    "order_model": order._name,
                    "order_id": order.id,
                    "description": self.env._(
                        "Given back: order %(order)s is smaller", order=order.name
                    ),
                    "issued": excess,
                }
            )
