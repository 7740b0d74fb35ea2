# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .coop_shift_participation import STATES


class ResPartner(models.Model):
    _inherit = "res.partner"

    # In the current coop, for her or her household's membership: what the
    # till's badge shows. Read from the participation, computed once a day
    # and when attendance is recorded, never at each till search.
    coop_shift_state = fields.Selection(
        STATES, string="Shifts", compute="_compute_coop_shift_state"
    )
    coop_can_shop = fields.Boolean(
        string="May shop", compute="_compute_coop_shift_state"
    )

    @api.depends_context("company")
    def _compute_coop_shift_state(self):
        # One query for the till's thousands of partners: the stored state
        # of the participation each person shops on (hers or her
        # household's) in the current coop.
        Participation = self.env["coop.shift.participation"]
        Participation.flush_model(
            ["partner_id", "company_id", "active", "state", "can_shop"]
        )
        Participation.flush_model(["household_partner_ids"])
        by_partner = {}
        ids = [partner_id for partner_id in self.ids if partner_id]
        if ids:
            self.env.cr.execute(
                """
                SELECT people.person, p.state, p.can_shop
                  FROM coop_shift_participation p
             LEFT JOIN coop_shift_participation_household_rel h
                    ON h.participation_id = p.id
          CROSS JOIN LATERAL (VALUES (p.partner_id), (h.partner_id)) AS people(person)
                 WHERE p.company_id = %s AND p.active AND people.person = ANY(%s)
                """,
                [self.env.company.id, ids],
            )
            by_partner = {
                person: (state, can_shop)
                for person, state, can_shop in self.env.cr.fetchall()
            }
        for partner in self:
            state, can_shop = by_partner.get(partner.id, (False, True))
            partner.coop_shift_state = state
            # Nobody to count shifts for (a walk-in customer, a till of a
            # coop without shifts): the shifts don't stop her.
            partner.coop_can_shop = can_shop

    def _load_pos_data_fields(self, config_id):
        return [
            *super()._load_pos_data_fields(config_id),
            "coop_shift_state",
            "coop_can_shop",
        ]
