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
        as a donation of the member."""
        self.ensure_one()
        # sudo: the cashier's sale feeds the fund, which cashiers can't read.
        Entry = self.env["coop.solidarity.entry"].sudo()
        return Entry._coop_record_donations(
            self,
            self.lines,
            "pos_order_line_id",
            self.date_order.date(),
            Entry._coop_lang_env(self.company_id)._(
                "Donation at the till: %(order)s", order=self.name
            ),
        )
