# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        res = super().action_confirm()
        for order in self:
            order._coop_record_donations()
        return res

    def _coop_record_donations(self):
        """A donation given with an online top-up enters the fund as a
        donation of the member, once per line."""
        self.ensure_one()
        # sudo: a member's confirmed order feeds the fund, whoever confirms.
        Entry = self.env["coop.solidarity.entry"].sudo()
        lines = self.order_line.filtered(
            lambda line: (
                line.product_id.coop_money_kind == "donation" and line.price_total > 0
            )
        )
        if not lines or Entry.search_count(
            [("sale_order_line_id", "in", lines.ids)], limit=1
        ):
            return Entry
        return Entry.create(
            [
                {
                    "date": fields.Date.context_today(self),
                    "name": self.env._("Donation online: %(order)s", order=self.name),
                    "entry_type": "donation",
                    "company_id": self.company_id.id,
                    "partner_id": self.partner_id.commercial_partner_id.id,
                    "product_id": line.product_id.id,
                    "quantity": line.product_uom_qty,
                    "charged_price": line.price_unit,
                    "amount": line.price_total,
                    "sale_order_line_id": line.id,
                }
                for line in lines
            ]
        )
