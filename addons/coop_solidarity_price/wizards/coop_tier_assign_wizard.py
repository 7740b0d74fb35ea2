# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError


class CoopTierAssignWizard(models.TransientModel):
    """The officer's decision: a tier, until a date, on recorded evidence."""

    _name = "coop.tier.assign.wizard"
    _description = "Assign a price tier"

    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        default=lambda self: (
            self.env.context.get("active_id")
            if self.env.context.get("active_model") == "res.partner"
            else False
        ),
    )
    tier_id = fields.Many2one("coop.price.tier", required=True)
    valid_until = fields.Date(
        required=True,
        default=lambda self: fields.Date.add(fields.Date.today(), years=1),
    )
    qf_band = fields.Selection(
        lambda self: (
            self.env["coop.tier.evidence"]
            ._fields["qf_band"]
            ._description_selection(self.env)
        ),
        string="Band",
        required=True,
    )
    note = fields.Text()
    attachment_ids = fields.Many2many("ir.attachment", string="Documents")

    @api.model
    def _check_officer(self):
        if not self.env.user.has_group(
            "coop_solidarity_price.group_solidarity_officer"
        ):
            raise AccessError(
                self.env._("Only solidarity officers assign price tiers.")
            )

    def action_assign(self):
        self.ensure_one()
        self._check_officer()
        if self.valid_until < fields.Date.context_today(self):
            raise UserError(self.env._("The tier must be valid until a future date."))
        partner = self.partner_id.with_company(self.tier_id.company_id)
        if partner.coop_member_state != "active":
            raise UserError(
                self.env._(
                    "%(partner)s is not an active member: a price tier applies to"
                    " active members only.",
                    partner=self.partner_id.display_name,
                )
            )
        evidence = self.env["coop.tier.evidence"].create(
            {
                "partner_id": self.partner_id.id,
                "qf_band": self.qf_band,
                "tier_id": self.tier_id.id,
                "note": self.note,
                "attachment_ids": [Command.set(self.attachment_ids.ids)],
            }
        )
        # The documents belong to the evidence: only officers can open them.
        self.attachment_ids.sudo().write(
            {"res_model": "coop.tier.evidence", "res_id": evidence.id}
        )
        # sudo: officers decide the tier of a member without being allowed to
        # edit contacts in general; only the two tier fields are written.
        self.partner_id.commercial_partner_id.sudo().write(
            {
                "coop_price_tier_id": self.tier_id.id,
                "coop_tier_valid_until": self.valid_until,
            }
        )
        return {"type": "ir.actions.act_window_close"}
