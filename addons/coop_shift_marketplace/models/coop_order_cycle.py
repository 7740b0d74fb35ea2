# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class CoopOrderCycle(models.Model):
    _inherit = "coop.order.cycle"

    def _coop_participation_of(self, partner):
        """The participation ``partner`` shops on in this cycle's coop (hers
        or her household's), or an empty one."""
        self.ensure_one()
        Participation = self.env["coop.shift.participation"]
        person = partner.commercial_partner_id
        return Participation._coop_of_partners(person, self.company_id).get(
            person, Participation
        )

    def _coop_shift_refusal(self, partner):
        """Why ``partner`` may not order because of her shifts, or False."""
        participation = self._coop_participation_of(partner)
        if not participation or participation.can_shop:
            return False
        return self.env._(
            "Your shopping is suspended: you owe %(owed)s make-up shift(s)."
            " Book them on your shifts page (My account, My shifts): once they"
            " are done, you may order again.",
            owed=max(-participation.counter, 1),
        )

    def _accepts(self, partner):
        """Her shifts may stop her; someone of an active member's household
        orders on that membership."""
        if self._coop_shift_refusal(partner):
            return False
        if super()._accepts(partner):
            return True
        participation = self._coop_participation_of(partner)
        if participation and partner.commercial_partner_id != participation.partner_id:
            return super()._accepts(participation.partner_id)
        return False

    def _check_accepts(self, partner):
        refusal = self._coop_shift_refusal(partner)
        if refusal:
            raise UserError(refusal)
        if self._accepts(partner):
            return
        return super()._check_accepts(partner)
