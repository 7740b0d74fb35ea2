# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    """Shortages at a cycle's close: items taken off the order, the member
    told; the money goes back through ``_coop_settle_money``."""

    _inherit = "sale.order"

    coop_shortage_amount = fields.Monetary(
        string="Shortage amount",
        readonly=True,
        copy=False,
        help="Value of the items taken off the order at the cycle's close: the "
        "producers could not supply them.",
    )
    coop_refund_ids = fields.One2many(
        "coop.order.refund", "order_id", string="Shortage refunds", readonly=True
    )
    coop_refund_state = fields.Selection(
        [("to_refund", "To refund"), ("refunded", "Refunded")],
        string="Shortage refund",
        compute="_compute_coop_refund_state",
        # sudo: the member's order page says whether the money went back;
        # the refunds themselves are the managers' records.
        compute_sudo=True,
    )

    @api.depends("coop_refund_ids.state")
    def _compute_coop_refund_state(self):
        """Whether the member is still waiting for some of the money."""
        for order in self:
            states = set(order.coop_refund_ids.mapped("state"))
            if states & {"pending", "manual"}:
                order.coop_refund_state = "to_refund"
            elif states:
                order.coop_refund_state = "refunded"
            else:
                order.coop_refund_state = False

    def _coop_reduce_for_shortage(self, changes, reason="shortage"):
        """Take ``changes`` (line, quantity, amount) off this order and tell
        the member (email, in her language) why (``reason``: "shortage",
        the producers could not supply; "minimum", a producer's minimum
        order was not reached). What she paid for it goes back through the
        money's owner (``_coop_settle_money``): a credit note when the order
        was invoiced, the prepaid account first, the provider for the
        rest."""
        self.ensure_one()
        taken_off = 0.0
        for line, quantity, amount in changes:
            line.product_uom_qty -= quantity
            taken_off += amount
        self.coop_shortage_amount += self.currency_id.round(taken_off)
        credit_note = self._coop_credit_shortage()
        to_account, refund = self._coop_settle_money(reason, credit_note)
        self.with_context(lang=self.partner_id.lang)._coop_message_post(
            "coop_marketplace.message_cycle_shortage",
            render_values={
                "changes": changes,
                "to_account": to_account,
                "refunded": refund.amount,
                "reason": reason,
            },
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )

    def _coop_paid_transactions(self):
        """The done payments of the order (not refunds, not card checks),
        whoever asks: a volunteer weighing or handing the order over, the
        member's page and Pickup day's "left to pay" need what was paid,
        not the right to read payments."""
        # sudo: the order's own payments, read only; refunds go through
        # coop.order.refund, which checks its callers.
        return self.sudo().transaction_ids.filtered(
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

    def action_coop_view_refunds(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_marketplace.coop_order_refund_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {}
        if len(self.coop_refund_ids) == 1:
            action.update(
                view_mode="form",
                views=[(False, "form")],
                res_id=self.coop_refund_ids.id,
            )
        return action
