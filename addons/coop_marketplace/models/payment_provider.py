# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.payment import utils as payment_utils


class PaymentProvider(models.Model):
    _inherit = "payment.provider"

    custom_mode = fields.Selection(
        selection_add=[("coop_at_pickup", "Pay at pickup")],
        ondelete={"coop_at_pickup": "set null"},
    )

    @api.model
    def _get_compatible_providers(
        self, company_id, *args, sale_order_id=None, report=None, **kwargs
    ):
        """ "Pay at pickup" only for orders collected at a coop pickup point."""
        providers = super()._get_compatible_providers(
            company_id, *args, sale_order_id=sale_order_id, report=report, **kwargs
        )
        order = self.env["sale.order"].browse(sale_order_id).exists()
        if not order.carrier_id._coop_paid_at_handover():
            at_pickup = providers.filtered(
                lambda p: p.code == "custom" and p.custom_mode == "coop_at_pickup"
            )
            payment_utils.add_to_report(
                report,
                at_pickup,
                available=False,
                reason=self.env._("not collected at a coop pickup point"),
            )
            providers -= at_pickup
        return providers
