# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from . import shift_rules
from .coop_shift_participation import STATES


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Per coop, for her or her household's membership: what the till's
    # badge and the shop read. Written by the participation (its one owner)
    # once a day and when attendance is recorded, never computed at a till
    # search; a column of the partner, so reading it costs no query.
    coop_shift_state = fields.Selection(
        STATES, string="Shifts", company_dependent=True, readonly=True, copy=False
    )
    coop_can_shop = fields.Boolean(string="May shop", compute="_compute_coop_can_shop")

    @api.depends("coop_shift_state")
    @api.depends_context("company")
    def _compute_coop_can_shop(self):
        for partner in self:
            # Nobody counts shifts for her (a walk-in customer, a coop
            # without shifts): the shifts don't stop her.
            partner.coop_can_shop = shift_rules.can_shop(partner.coop_shift_state)

    def _load_pos_data_fields(self, config_id):
        return [
            *super()._load_pos_data_fields(config_id),
            "coop_shift_state",
            "coop_can_shop",
        ]
