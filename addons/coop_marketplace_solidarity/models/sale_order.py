# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import format_amount


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _coop_member_edit(self, quantities, additions=None):
        """A change before the close stays within the member's monthly
        allowance, as the checkout does: beyond it, nothing changes."""
        with self.env.cr.savepoint():
            changes = super()._coop_member_edit(quantities, additions)
            self._coop_check_allowance_after_edit()
        return changes

    def _coop_check_allowance_after_edit(self):
        """The month's advantage, this change counted (the fund already
        follows it), is within the tier's cap."""
        self.ensure_one()
        tier = self._coop_tier()
        if not tier._monthly_cap_applies():
            return
        partner = self.partner_id.commercial_partner_id
        used = partner._coop_advantage_used().get(partner.id, 0.0)
        if tier._monthly_cap_exceeded(used):
            raise UserError(
                self.env._(
                    "This change would go beyond your solidarity allowance for"
                    " this month (%(cap)s): nothing was changed. Order less,"
                    " or ask the coop.",
                    cap=format_amount(self.env, tier.monthly_cap, self.currency_id),
                )
            )
