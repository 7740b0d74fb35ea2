# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import threading

from odoo import api, fields, models
from odoo.tools import format_amount

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    """Shortages at a cycle's close: items taken off the order, the member
    told, the money given back."""

    _inherit = "sale.order"

    coop_shortage_amount = fields.Monetary(
        string="Shortage amount",
        readonly=True,
        copy=False,
        help="Value of the items taken off the order at the cycle's close: the "
        "producers could not supply them.",
    )
    # Money goes back through the payment provider after the close is
    # committed (cron), never inside the close: a close rolled back after
    # the provider was called would refund twice when it runs again.
    coop_shortage_refund_state = fields.Selection(
        [
            ("pending", "To send to the payment provider"),
            ("sent", "Refunded through the payment provider"),
            ("manual", "To refund by hand"),
        ],
        string="Shortage refund",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    def _coop_reduce_for_shortage(self, changes):
        """Take ``changes`` (line, quantity, amount) off this order and tell
        the member (email). What they paid for it goes back: a credit note
        when the order was invoiced, and the money through the payment
        provider (sent by the cron once the close is committed) or, when the
        provider can't refund, by the shop managers (a to-do)."""
        self.ensure_one()
        refund = 0.0
        for line, quantity, amount in changes:
            line.product_uom_qty -= quantity
            refund += amount
        refund = self.currency_id.round(refund)
        self.coop_shortage_amount += refund
        paid = self._coop_paid_transactions()
        self._coop_credit_shortage()
        self.message_post_with_source(
            "coop_marketplace.message_cycle_shortage",
            render_values={"changes": changes, "refund": refund, "paid": bool(paid)},
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )
        if not paid:
            return
        if all(
            tx.provider_id.support_refund in ("full_only", "partial") for tx in paid
        ):
            self.coop_shortage_refund_state = "pending"
        else:
            self._coop_shortage_refund_by_hand(refund)

    def _coop_paid_transactions(self):
        """The done payments of the order (not refunds, not card checks)."""
        return self.transaction_ids.filtered(
            lambda tx: (
                tx.state == "done" and tx.operation not in ("refund", "validation")
            )
        )

    def _coop_credit_shortage(self):
        """A credit note for what was invoiced and is no longer sold: Odoo's
        own invoicing makes it from the lines' negative quantities to
        invoice."""
        # Stored quantities first: most orders at a close are not invoiced,
        # and invoice_ids is computed through the lines' invoice lines.
        if not any(
            line.qty_invoiced > line.product_uom_qty
            for line in self.order_line
            if not line.display_type
        ) or not self.invoice_ids.filtered(
            lambda move: move.state == "posted" and move.move_type == "out_invoice"
        ):
            return self.env["account.move"]
        credit_note = self._create_invoices(final=True)
        credit_note.action_post()
        return credit_note

    def _coop_shortage_refund_by_hand(self, amount):
        self.coop_shortage_refund_state = "manual"
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._(
                "Refund %(amount)s to the member",
                amount=format_amount(self.env, amount, self.currency_id),
            ),
            user_id=(self.user_id or self.env.user).id,
        )

    def _coop_send_shortage_refund(self):
        """Refund the shortage through the providers of the order's payments
        (partially when they allow it), the refund transactions linked to
        the order."""
        self.ensure_one()
        to_refund = self.coop_shortage_amount
        for tx in self._coop_paid_transactions().sorted("id"):
            if self.currency_id.is_zero(to_refund):
                break
            refunded = -sum(
                tx.child_transaction_ids.filtered(
                    lambda child: child.operation == "refund" and child.state != "error"
                ).mapped("amount")
            )
            amount = min(to_refund, tx.amount - refunded)
            currency = self.currency_id
            if currency.compare_amounts(amount, 0) <= 0 or (
                tx.provider_id.support_refund != "partial"
                and currency.compare_amounts(amount, tx.amount)
            ):
                continue
            # sudo: transactions are the payment module's; the refund is
            # the order's own shortage, computed on the server at the close
            # (paid transactions only: what action_refund checks).
            refund_tx = tx.sudo()._send_refund_request(amount_to_refund=amount)
            refund_tx.sale_order_ids = self
            to_refund -= amount
        if self.currency_id.is_zero(to_refund):
            self.coop_shortage_refund_state = "sent"
        else:
            self._coop_shortage_refund_by_hand(to_refund)

    def action_coop_send_shortage_refund(self):
        """Send the pending refund now rather than at the next cron run."""
        for order in self.filtered(lambda o: o.coop_shortage_refund_state == "pending"):
            order._coop_send_shortage_refund()
        return True

    @api.model
    def _cron_coop_send_shortage_refunds(self):
        """Send the pending shortage refunds, one order at a time: an order
        whose refund fails goes to the managers (a to-do) and the others go
        on; each is committed at once so no refund is ever sent twice."""
        orders = self.search([("coop_shortage_refund_state", "=", "pending")])
        # Like Odoo's own crons (crm): no commit inside a test's transaction.
        commit = not getattr(threading.current_thread(), "testing", False)
        for order in orders:
            try:
                with self.env.cr.savepoint():
                    order._coop_send_shortage_refund()
            except Exception:
                _logger.exception("Shortage refund of %s failed", order.name)
                order._coop_shortage_refund_by_hand(order.coop_shortage_amount)
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return True
