# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class Website(models.Model):
    _inherit = "website"

    def _coop_cycle_notice(self):
        """The shop says why a suspended member may not order, and how to
        catch up."""
        notice = super()._coop_cycle_notice()
        cycle = notice.get("cycle")
        notice["shift_refusal"] = (
            cycle
            and not notice["is_public"]
            and cycle._coop_shift_refusal(self.env.user.partner_id)
        )
        return notice
