# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    def _coop_statement(self, limit=30):
        """The prepaid account's statement for its member: ``(earlier,
        lines)``, the ``limit`` latest movements (newest first; Odoo's empty
        lines of an order that neither paid with nor credited the account
        left out) and ``earlier``, the balance before them, so that what the
        page shows adds up to the balance."""
        self.ensure_one()
        currency = self.currency_id
        moves = self.history_ids.filtered(
            lambda line: not currency.is_zero(line.issued - line.used)
        ).sorted(lambda line: (line.create_date, line.id), reverse=True)
        shown = moves[:limit]
        earlier = currency.round(
            self.points - sum(line.issued - line.used for line in shown)
        )
        return earlier, shown
