# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import namedtuple

from odoo import fields, models

# What an order's member owes and is owed, by means of payment (see
# sale.order._coop_money): every amount taxes included, in the order's
# currency.
#   owed        goods at the sale's prices (as delivered: taken off, weighed)
#               plus fees; 0 for a cancelled order
#   paid        {means: amount}: "online" (the payment provider), "pickup"
#               (collected at the hand-over), and the means a bridge adds
#               ("account": the prepaid account, coop_marketplace_wallet;
#               "direct_debit": invoiced to be debited under the member's
#               SEPA mandate, coop_marketplace_sepa)
#   given_back  refunds to the member (coop.order.refund), whatever their
#               state: money the coop no longer keeps
#   due         what she still has to pay (at pickup, or on the order's page)
#   excess      what she paid beyond what she owes: to give back
CoopMoney = namedtuple("CoopMoney", "owed paid given_back due excess")


class SaleOrder(models.Model):
    """What a member owes and is owed on her order: the one owner of that
    money. Every path that changes an order's money (the member's change
    or cancellation, the close's shortages and minimums, a weighing, the
    hand-over) asks ``_coop_money`` and settles through
    ``_coop_settle_money``; the money checker (tools/check_money.py) checks
    the same rules on a whole database."""

    _inherit = "sale.order"

    coop_paid_at_pickup = fields.Monetary(
        string="Paid at pickup",
        readonly=True,
        copy=False,
        help="What the volunteer collected when handing the order over: what"
        " was left to pay then.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "order_line" in vals:
            # A confirmed order's lines changed in the backend (the order's
            # form, RPC): the money follows, as for a member's change.
            for order in self.filtered(lambda o: o.state == "sale" and o.coop_cycle_id):
                order._coop_settle_money("edit")
        return res

    def _coop_money(self):
        """What this order's member owes and is owed (``CoopMoney``)."""
        self.ensure_one()
        currency = self.currency_id
        payments = self.order_line.filtered(lambda line: line._coop_payment_means())
        paid = {
            "online": sum(self._coop_paid_transactions().mapped("amount")),
            "pickup": self.coop_paid_at_pickup,
        }
        for line in payments:
            means = line._coop_payment_means()
            paid[means] = paid.get(means, 0.0) - line.price_total
        for means, amount in self._coop_paid_elsewhere().items():
            paid[means] = paid.get(means, 0.0) + amount
        owed = (
            0.0
            if self.state == "cancel"
            else sum(
                (self.order_line - payments)
                .filtered(lambda line: not line.display_type)
                .mapped("price_total")
            )
        )
        # sudo: the refunds are the managers' records; what the member is
        # owed is hers to read.
        given_back = sum(self.sudo().coop_refund_ids.mapped("amount"))
        balance = currency.round(sum(paid.values()) - given_back - owed)
        return CoopMoney(
            owed=currency.round(owed),
            paid={means: currency.round(amount) for means, amount in paid.items()},
            given_back=currency.round(given_back),
            due=-balance if balance < 0 else 0.0,
            excess=balance if balance > 0 else 0.0,
        )

    def _coop_paid_elsewhere(self):
        """What was paid for this order outside its lines and transactions,
        by means (``{means: amount}``): none here; a bridge adds its means
        (an invoice debited under a mandate)."""
        self.ensure_one()
        return {}

    def _coop_settle_money(self, reason, credit_note=None):
        """Give back what the member paid beyond what the order owes now, by
        the means it came in: the prepaid account first, up to what it paid
        (``_coop_give_back_to_account``), the payment provider for the rest
        (a ``coop.order.refund`` of ``reason``, sent by its job, or left to
        the managers when the provider can't). The one path for every
        reason (``coop.order.refund.reason``); nothing when the member owes
        as much as she paid, or more (she pays the rest at pickup). Returns
        ``(given back to the account, refund record)``."""
        self.ensure_one()
        Refund = self.env["coop.order.refund"]
        currency = self.currency_id
        excess = self._coop_money().excess
        if currency.is_zero(excess):
            return 0.0, Refund
        to_account = self._coop_give_back_to_account(excess, reason)
        rest = currency.round(excess - to_account)
        if currency.compare_amounts(rest, 0) <= 0:
            return to_account, Refund
        # sudo: whoever changes the order (a member, a volunteer, the close),
        # the refund is the managers' record.
        return to_account, Refund.sudo()._create_for_order(
            self, rest, credit_note or self.env["account.move"], reason
        )

    def _coop_give_back_to_account(self, amount, reason):
        """Give back up to ``amount`` to the prepaid account this order was
        paid with; returns what went back (none here: a bridge pays with
        the account)."""
        self.ensure_one()
        return 0.0

    def _coop_collect_due(self):
        """The hand-over: what was left to pay on these orders is collected
        by whoever hands them over (a volunteer, a courier)."""
        for order in self:
            due = order._coop_money().due
            if due:
                # sudo: volunteers and couriers record the money they take;
                # they don't write orders otherwise.
                order.sudo().coop_paid_at_pickup += due
