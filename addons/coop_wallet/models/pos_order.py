# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PosOrder(models.Model):
    _inherit = "pos.order"

    def _coop_record_solidarity(self):
        res = super()._coop_record_solidarity()
        self._coop_record_donations()
        return res

    def _coop_record_donations(self):
        """A donation given at the till (with a top-up, say) enters the fund
        as a donation of the member, once per line."""
        self.ensure_one()
        # sudo: the cashier's sale feeds the fund, which cashiers can't read.
        Entry = self.env["coop.solidarity.entry"].sudo()
        lines = self.lines.filtered(
            lambda line: (
                line.product_id.coop_money_kind == "donation"
                and line.price_subtotal_incl > 0
            )
        )
        if not lines or Entry.search_count(
            [("pos_order_line_id", "in", lines.ids)], limit=1
        ):
            return Entry
        return Entry.create(
            [
                {
                    "date": self.date_order.date(),
                    "name": self.env._(
                        "Donation at the till: %(order)s", order=self.name
                    ),
                    "entry_type": "donation",
                    "company_id": self.company_id.id,
                    "partner_id": self.partner_id.commercial_partner_id.id,
                    "product_id": line.product_id.id,
                    "quantity": line.qty,
                    "charged_price": line.price_unit,
                    "amount": line.price_subtotal_incl,
                    "pos_order_line_id": line.id,
                }
                for line in lines
            ]
        )
