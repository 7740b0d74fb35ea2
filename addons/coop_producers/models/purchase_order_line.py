# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    def _compute_tax_id(self):
        """A producer's product: the VAT her regime and the product's sale
        rate decide (res.partner._coop_purchase_taxes), not the chart's
        default 20 %."""
        res = super()._compute_tax_id()
        for line in self:
            producer = line.order_id.partner_id.commercial_partner_id
            if not (producer.coop_is_producer and line.product_id):
                continue
            company = line.company_id or line.order_id.company_id
            fpos = line.order_id.fiscal_position_id
            line.taxes_id = fpos.map_tax(
                producer._coop_purchase_taxes(line.product_id, company)
            )
        return res

    @api.model
    def _prepare_purchase_order_line(
        self, product_id, product_qty, product_uom, company_id, supplier, po
    ):
        """Replenishment's purchase lines: the same VAT as any other line of
        the producer."""
        values = super()._prepare_purchase_order_line(
            product_id, product_qty, product_uom, company_id, supplier, po
        )
        producer = supplier.partner_id.commercial_partner_id
        if producer.coop_is_producer:
            taxes = producer._coop_purchase_taxes(product_id, company_id)
            values["taxes_id"] = [Command.set(po.fiscal_position_id.map_tax(taxes).ids)]
        return values
