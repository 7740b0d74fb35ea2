# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopTierEvidence(models.Model):
    """What a tier decision rests on: quotient familial band, documents.

    Only solidarity officers read it (access rules, and the documents are
    attached to these records, so they inherit the same protection). The
    partner's tracked fields say who changed the tier and when, never why.
    """

    _name = "coop.tier.evidence"
    _description = "Price tier evidence"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Member", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    qf_band = fields.Selection(
        [
            ("qf_0_450", "Quotient familial 0 – 450 €"),
            ("qf_451_700", "Quotient familial 451 – 700 €"),
            ("qf_701_1000", "Quotient familial 701 – 1,000 €"),
            ("qf_1001", "Quotient familial above 1,000 €"),
            ("other", "Other situation"),
        ],
        string="Band",
        required=True,
    )
    household_size = fields.Integer(
        string="People in the household",
        help="As declared; 0 when not given.",
    )
    tier_id = fields.Many2one("coop.price.tier", string="Tier decided")
    note = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "coop_tier_evidence_attachment_rel",
        "evidence_id",
        "attachment_id",
        string="Documents",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
