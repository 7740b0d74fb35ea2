# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _coop_payment_means_labels(self):
        return {
            **super()._coop_payment_means_labels(),
            "account": self.env._("with your prepaid account"),
        }

    def _coop_wallet_lines(self):
        """The lines paid with the member's prepaid account."""
        return self.order_line.filtered(
            lambda line: line._coop_payment_means() == "account"
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

    def _coop_give_back_to_account(self, amount, reason):
        """Up to ``amount`` of what the prepaid account paid for this
        confirmed order goes back to it (the order shrank: a change, a
        shortage, a lighter weight): its payment line shrinks, sale_loyalty
        credits the card with the points no longer spent, and the account's
        history says why, in the member's language. Returns what went
        back. Cancelled orders are Odoo's (sale_loyalty gives the whole
        payment back)."""
        given = super()._coop_give_back_to_account(amount, reason)
        currency = self.currency_id
        left = currency.round(amount - given)
        if self.state != "sale":
            return given
        back = 0.0
        # sudo: the account follows the member's order, whoever changes it;
        # the lock of a closed cycle is lifted for these lines only.
        order = self.sudo()
        locked = order.locked
        for line in order._coop_wallet_lines():
            paid = -line.price_total
            take = currency.round(min(left - back, paid))
            if currency.compare_amounts(take, 0) <= 0:
                continue
            if order.locked:
                order.action_unlock()
            line.write(
                {
                    "price_unit": -(paid - take),
                    "points_cost": currency.round(paid - take),
                }
            )
            lang_env = self.with_context(lang=self.partner_id.lang).env
            reasons = dict(
                self.env["coop.order.refund"]
                ._fields["reason"]
                ._description_selection(lang_env)
            )
            self.env["loyalty.history"].sudo().create(
                {
                    "card_id": line.coupon_id.id,
                    "order_model": order._name,
                    "order_id": order.id,
                    "description": lang_env._(
                        "Given back: order %(order)s (%(reason)s)",
                        order=order.name,
                        reason=reasons.get(reason, reason),
                    ),
                    "issued": take,
                }
            )
            back += take
        if locked and not order.locked:
            order.action_lock()
        return currency.round(given + back)
