# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import format_amount


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _post_process(self):
        """ "Pay at pickup" confirms the order at once (the slot is kept and
        the producers are ordered from); payment happens at the point."""
        at_pickup = self.filtered(
            lambda tx: (
                tx.provider_id.custom_mode == "coop_at_pickup" and tx.state == "pending"
            )
        )
        at_pickup.sale_order_ids.filtered(
            lambda order: order.state in ("draft", "sent")
        ).with_context(send_email=True).action_confirm()
        res = super()._post_process()
        self._coop_give_back_late_payments()
        return res

    def _coop_give_back_late_payments(self):
        """A payment confirmed once its order needs it no more pays for
        nothing: the cycle closed while the member was on the provider's
        page and her basket was cancelled, or she came back and paid it
        another way; providers confirm late (Mollie's notification can come
        minutes after, a bank's later still). It goes back as any money an
        order no longer owes (``sale.order._coop_settle_money``), and the
        member is told."""
        paid = self.filtered(
            lambda tx: (
                tx.state == "done" and tx.operation not in ("refund", "validation")
            )
        )
        orders = paid.sale_order_ids.filtered(
            lambda order: order.coop_cycle_id and order.state in ("sale", "cancel")
        )
        for order in orders:
            to_account, refund = order._coop_settle_money("late_payment")
            given_back = to_account + sum(refund.mapped("amount"))
            if order.currency_id.is_zero(given_back):
                continue
            order = order.with_context(lang=order.partner_id.lang)
            amount = format_amount(order.env, given_back, order.currency_id)
            if order.state == "cancel":
                body = order.env._(
                    "Your payment of %(amount)s arrived after your basket was"
                    " cancelled (the order cycle had closed): it will be"
                    " refunded to you.",
                    amount=amount,
                )
            else:
                body = order.env._(
                    "A payment of %(amount)s arrived for your order, which was"
                    " already paid: it will be refunded to you.",
                    amount=amount,
                )
            order._coop_message_post(
                body=body,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=order.partner_id.ids,
            )
