# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class CoopOrderCycle(models.Model):
    _inherit = "coop.order.cycle"

    def _coop_shift_state_of(self, partner):
        """The shifts state ``partner`` shops on in this cycle's coop (hers or
        her household's): a column of her contact, no query. sudo: her own
        state, in the cycle's coop."""
        self.ensure_one()
        person = partner.commercial_partner_id.sudo().with_company(self.company_id)
        return person.coop_shift_state

    def _coop_shift_refusal(self, partner):
        """Why ``partner`` may not order because of her shifts, or False."""
        if self._coop_shift_state_of(partner) != "suspended":
            return False
        participation = self.env["coop.shift.participation"]._coop_of_partners(
            partner.commercial_partner_id, self.company_id
        )[partner.commercial_partner_id]
        return self.env._(
            "Your shopping is suspended: you owe %(owed)s make-up shift(s)."
            " Book them on your shifts page (My account, My shifts): once they"
            " are done, you may order again.",
            owed=max(-participation.counter, 1),
        )

    def _accepts(self, partner):
        """Her shifts may stop her; someone of an active member's household
        (her state copied from the membership's participation, not
        "unsubscribed") orders on that membership."""
        if self._coop_shift_refusal(partner):
            return False
        if super()._accepts(partner):
            return True
        return self._coop_shift_state_of(partner) not in (False, "unsubscribed")

    def _check_accepts(self, partner):
        refusal = self._coop_shift_refusal(partner)
        if refusal:
            raise UserError(refusal)
        if self._accepts(partner):
            return
        return super()._check_accepts(partner)
