# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

_logger = logging.getLogger(__name__)


class CoopOrderRefund(models.Model):
    """Money an order owes back to its member, paid online or by hand: what
    she paid beyond what the order now owes (items missing at the close or
    left out with a producer below their minimum, an order changed or
    cancelled, goods lighter than estimated), whatever the reason, which is
    stored. Created only by ``sale.order._coop_settle_money``; its own job
    sends it through the payment provider, the managers finish what the
    provider can't. What the prepaid account paid goes back to the account
    (``coop_marketplace_wallet``), not here."""

    _name = "coop.order.refund"
    _description = "Refund to a member"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(related="order_id.name", string="Order reference")
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Member", store=True, precompute=True
    )
    cycle_id = fields.Many2one(
        related="order_id.coop_cycle_id", store=True, precompute=True
    )
    currency_id = fields.Many2one(related="order_id.currency_id")
    amount = fields.Monetary(
        required=True,
        readonly=True,
        help="What the member paid beyond what the order now owes (missing"
        " items, an order changed or cancelled, a lighter weight), taxes"
        " included.",
    )
    reason = fields.Selection(
        [
            ("shortage", "Missing at the close"),
            ("minimum", "Producer's minimum not reached"),
            ("edit", "Order changed"),
            ("cancel", "Order cancelled"),
            ("weight", "Weighed lighter than estimated"),
            ("late_payment", "Paid once the order needed it no more"),
        ],
        required=True,
        readonly=True,
        default="shortage",
    )
    # Money goes back through the payment provider after the close is
    # committed (this model's job), never inside the close: a close rolled
    # back after the provider was called would refund twice when run again.
    state = fields.Selection(
        [
            ("pending", "To send"),
            ("sent", "Sent"),
            ("manual", "To refund by hand"),
            ("done", "Refunded by hand"),
        ],
        required=True,
        readonly=True,
        default="pending",
        index=True,
        tracking=True,
    )
    transaction_ids = fields.Many2many(
        "payment.transaction",
        string="Refund transactions",
        readonly=True,
        copy=False,
    )
    credit_note_id = fields.Many2one(
        "account.move",
        string="Credit note",
        readonly=True,
        check_company=True,
        help="Made when the order had been invoiced.",
    )

    _sql_constraints = [
        (
            "amount_positive",
            "CHECK(amount > 0)",
            "A refund gives back a positive amount.",
        ),
    ]

    @api.model
    def _create_for_order(self, order, amount, credit_note, reason):
        """The refund of ``amount`` to ``order``'s member, for ``reason``
        (only ``sale.order._coop_settle_money`` calls this): sent later by
        the job when every online payment's provider can refund, else a
        to-do for the managers."""
        if order.currency_id.compare_amounts(amount, 0) <= 0:
            return self
        paid = order._coop_paid_transactions()
        refundable = bool(paid) and all(
            tx.provider_id.support_refund in ("full_only", "partial") for tx in paid
        )
        refund = self.create(
            {
                "order_id": order.id,
                "amount": amount,
                "credit_note_id": credit_note.id,
                "state": "pending",
                "reason": reason,
            }
        )
        if refundable:
            self.env.ref("coop_marketplace.ir_cron_coop_order_refunds")._trigger()
        else:
            refund._leave_to_managers(amount)
        return refund

    def _leave_to_managers(self, amount):
        """``amount`` is to be refunded by hand: a to-do for the order's
        salesperson (or whoever runs this)."""
        self.ensure_one()
        self.state = "manual"
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._(
                "Refund %(amount)s to the member",
                amount=format_amount(self.env, amount, self.currency_id),
            ),
            user_id=(self.order_id.user_id or self.env.user).id,
        )

    def _send(self):
        """Refund through the providers of the order's payments (partially
        when they allow it); what they can't take is left to the managers."""
        self.ensure_one()
        order = self.order_id
        currency = self.currency_id
        to_refund = self.amount
        for tx in order._coop_paid_transactions().sorted("id"):
            if currency.is_zero(to_refund):
                break
            refunded = -sum(
                tx.child_transaction_ids.filtered(
                    lambda child: child.operation == "refund" and child.state != "error"
                ).mapped("amount")
            )
            amount = min(to_refund, tx.amount - refunded)
            if currency.compare_amounts(amount, 0) <= 0 or (
                tx.provider_id.support_refund != "partial"
                and currency.compare_amounts(amount, tx.amount)
            ):
                continue
            # sudo: transactions are the payment module's; the amount is the
            # order's own shortage, computed on the server at the close (paid
            # transactions only: what action_refund checks).
            refund_tx = tx.sudo()._send_refund_request(amount_to_refund=amount)
            refund_tx.sale_order_ids = order
            self.transaction_ids |= refund_tx
            to_refund -= amount
        if currency.is_zero(to_refund):
            self.state = "sent"
        else:
            self._leave_to_managers(to_refund)

    def action_send(self):
        """Send now rather than at the job's next run."""
        for refund in self:
            if refund.state != "pending":
                raise UserError(
                    self.env._(
                        "The refund of %(order)s is not waiting to be sent.",
                        order=refund.order_id.name,
                    )
                )
            refund._send()
        return True

    def action_mark_refunded(self):
        """The managers refunded by hand (transfer, cash): the to-do is done."""
        for refund in self:
            if refund.state != "manual":
                raise UserError(
                    self.env._(
                        "The refund of %(order)s is not one to make by hand.",
                        order=refund.order_id.name,
                    )
                )
            refund.activity_ids.action_feedback(
                feedback=self.env._("Refunded by hand.")
            )
            refund.state = "done"
        return True

    @api.model
    def _cron_send_pending(self):
        """Send the oldest pending refund: one per call, as the cycle close
        runs its steps (Odoo's job runner commits after each call and calls
        again while ``_notify_progress`` says some remain). A refund sent is
        committed before the next is tried, so none is ever sent twice; one
        killed while sending is rolled back whole and sent by the next call.
        One that fails goes to the managers (a to-do) and the others go on."""
        pending = self.search([("state", "=", "pending")], order="id")
        if pending:
            refund = pending[0]
            try:
                with self.env.cr.savepoint():
                    # The job runs every company's refunds as one user.
                    refund.with_company(refund.company_id)._send()
            except Exception:
                _logger.exception("Refund of %s failed", refund.order_id.name)
                refund._leave_to_managers(refund.amount)
        self.env["ir.cron"]._notify_progress(
            done=min(len(pending), 1), remaining=max(len(pending) - 1, 0)
        )
        return True
