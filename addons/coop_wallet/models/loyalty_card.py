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
        # The latest lines only, not the account's whole life: the page
        # opens on every visit and a member's till purchases add up.
        shown = self.env["loyalty.history"].search(
            [
                ("card_id", "=", self.id),
                "|",
                ("issued", "!=", 0),
                ("used", "!=", 0),
            ],
            order="create_date desc, id desc",
            limit=limit,
        )
        earlier = currency.round(
            self.points - sum(line.issued - line.used for line in shown)
        )
        return earlier, shown
