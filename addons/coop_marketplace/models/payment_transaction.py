# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


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
        return super()._post_process()
