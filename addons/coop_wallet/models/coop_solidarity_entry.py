# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CoopSolidarityEntry(models.Model):
    _inherit = "coop.solidarity.entry"

    @api.model
    def _coop_record_donations(self, lines, origin_field, partner, company, date, name):
        """The one way a donation sold with an order (at the till, with an
        online top-up) enters the fund: a donation of ``partner``, once per
        line (``origin_field``: the line's field on the entry). ``lines``
        are (line, product, quantity, unit price, amount) tuples."""
        lines = [data for data in lines if data[4] > 0]
        if not lines or self.search_count(
            [(origin_field, "in", [data[0].id for data in lines])], limit=1
        ):
            return self.browse()
        return self.create(
            [
                {
                    "date": date,
                    "name": name,
                    "entry_type": "donation",
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "product_id": product.id,
                    "quantity": quantity,
                    "charged_price": price,
                    "amount": amount,
                    origin_field: line.id,
                }
                for line, product, quantity, price, amount in lines
            ]
        )
