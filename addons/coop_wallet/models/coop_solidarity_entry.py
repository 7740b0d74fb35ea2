# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CoopSolidarityEntry(models.Model):
    _inherit = "coop.solidarity.entry"

    @api.model
    def _coop_record_donations(self, order, lines, origin_field, date, name):
        """The one way a donation sold with an order (at the till, with an
        online top-up) enters the fund: a donation of the order's member,
        once per line (``origin_field``: the line's field on the entry).
        ``lines``: the order's sale or till lines, each saying what it gives
        (``_coop_donation_values``)."""
        donations = {
            line: line._coop_donation_values()
            for line in lines
            if line.product_id.coop_money_kind == "donation"
        }
        donations = {
            line: vals for line, vals in donations.items() if vals["amount"] > 0
        }
        if not donations or self.search_count(
            [(origin_field, "in", [line.id for line in donations])], limit=1
        ):
            return self.browse()
        return self.create(
            [
                {
                    **vals,
                    origin_field: line.id,
                    "date": date,
                    "name": name,
                    "entry_type": "donation",
                    "company_id": order.company_id.id,
                    "partner_id": order.partner_id.commercial_partner_id.id,
                }
                for line, vals in donations.items()
            ]
        )
