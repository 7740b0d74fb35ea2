# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopStandingOrder(models.Model):
    _inherit = "coop.standing.order"

    pay_with_wallet = fields.Boolean(
        string="Paid with the prepaid account",
        tracking=True,
        help="Each cycle's order is paid with the member's prepaid account, as"
        " far as its balance goes (the rest at pickup): the way to pay a"
        " season in advance is to top the account up for it.",
    )

    def _prepare_order_payment(self, order):
        res = super()._prepare_order_payment(order)
        if self.pay_with_wallet:
            order._coop_pay_with_wallet()
        return res

    def _action_member_pay_with_wallet(self, pay_with_wallet):
        """The member's choice of payment for the next cycles."""
        for standing in self:
            standing.pay_with_wallet = pay_with_wallet
            standing._coop_message_post(
                body=self.env._("Paid with the prepaid account, chosen by the member.")
                if pay_with_wallet
                else self.env._("Paid at pickup, chosen by the member.")
            )
