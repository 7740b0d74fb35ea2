# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import namedtuple

from odoo import models
from odoo.tools import format_amount, format_datetime

# How a member lives her order now, on its page and in her list of orders:
#   key      cancelled, handed_over, ready, preparing, ordered
#   title    the state in a few words ("Ready to collect")
#   detail   what happens next, or what happened ("Collect it at …")
#   money    the money in one sentence ("To pay at pickup: 14,96 €")
#   css      the Bootstrap colour of the state (success, info, …)
CoopMemberStatus = namedtuple("CoopMemberStatus", "key title detail money css")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _compute_type_name(self):
        """A cycle's order is the member's "order" in every state: never a
        "quotation", not even cancelled."""
        res = super()._compute_type_name()
        for order in self.filtered("coop_cycle_id"):
            order.type_name = self.env._("Order")
        return res

    def _coop_payment_means_labels(self):
        """How the member paid, by means of ``_coop_money().paid``."""
        return {
            "online": self.env._("online"),
            "pickup": self.env._("at pickup"),
        }

    def _coop_member_status(self):
        """The state of this cycle's order as its member lives it
        (``CoopMemberStatus``), from the order's stage and the money's
        owner (``_coop_money``). One answer for the order's page and the
        list of orders."""
        self.ensure_one()
        cycle = self.coop_cycle_id
        money = self._coop_money()
        slot = self.coop_slot_id
        when = slot.display_name if slot else cycle.display_name
        if self.state == "cancel":
            key, css, title = "cancelled", "secondary", self.env._("Cancelled")
            detail = self.env._(
                "This order is cancelled: nothing will be prepared for you."
            )
        elif self.coop_collected:
            key, css, title = "handed_over", "success", self.env._("Handed over")
            detail = self.env._("You got this order. Thank you!")
        elif cycle._takes_orders():
            key, css, title = "ordered", "primary", self.env._("Order placed")
            detail = self.env._(
                "You can change or cancel it until the close, %(close)s.",
                close=self._coop_format_datetime(cycle.close_datetime),
            )
        elif cycle.state in ("closed", "done") and not self.coop_to_weigh:
            key, css, title = "ready", "info", self.env._("Ready to collect")
            detail = self.env._("Collect it: %(when)s.", when=when)
        else:
            key, css, title = "preparing", "info", self.env._("Being prepared")
            detail = self.env._(
                "The cycle is closed: the producers prepare your order, goods"
                " sold by weight are weighed before the pickup (%(when)s).",
                when=when,
            )
        if self.coop_changed_on and key != "cancelled":
            detail = " ".join(
                [
                    self.env._(
                        "Changed on %(date)s.",
                        date=self._coop_format_datetime(self.coop_changed_on),
                    ),
                    detail,
                ]
            )
        return CoopMemberStatus(
            key, title, detail, self._coop_money_sentence(money), css
        )

    def _coop_money_sentence(self, money):
        """The order's money in one sentence, for its member."""
        currency = self.currency_id

        def amount(value):
            return format_amount(self.env, value, currency)

        paid = {means: value for means, value in money.paid.items() if value}
        paid_total = sum(paid.values())
        labels = self._coop_payment_means_labels()
        paid_how = ", ".join(labels.get(means, means) for means in paid)
        if self.state == "cancel":
            if money.given_back:
                return self.env._(
                    "%(amount)s paid, given back to you.",
                    amount=amount(money.given_back),
                )
            if money.excess:
                return self.env._(
                    "%(amount)s paid, to give back to you.", amount=amount(money.excess)
                )
            return self.env._("Nothing to pay.")
        if money.due:
            if not paid_total and self.coop_to_weigh:
                return self.env._(
                    "To pay at pickup: about %(amount)s, as weighed.",
                    amount=amount(money.due),
                )
            if not paid_total:
                return self.env._(
                    "To pay at pickup: %(amount)s.", amount=amount(money.due)
                )
            if self.coop_cycle_id._takes_orders():
                return self.env._(
                    "Paid %(paid)s (%(how)s); left to pay: %(due)s, on this page"
                    " before the close or at pickup.",
                    paid=amount(paid_total),
                    how=paid_how,
                    due=amount(money.due),
                )
            return self.env._(
                "Paid %(paid)s (%(how)s); left to pay at pickup: %(due)s.",
                paid=amount(paid_total),
                how=paid_how,
                due=amount(money.due),
            )
        if not paid_total:
            return self.env._("Nothing to pay.")
        sentence = self.env._(
            "Paid: %(amount)s (%(how)s).", amount=amount(money.owed), how=paid_how
        )
        if money.excess:
            sentence += " " + self.env._(
                "%(amount)s to give back to you.", amount=amount(money.excess)
            )
        elif money.given_back:
            sentence += " " + self.env._(
                "%(amount)s given back to you.", amount=amount(money.given_back)
            )
        return sentence

    def _coop_format_datetime(self, moment):
        """A moment in the coop's time zone, as its members read it."""
        return format_datetime(
            self.env,
            moment,
            tz=self.coop_cycle_id._tz(),
            dt_format="EEEE d MMMM HH:mm",
        )
