# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    coop_fund_alert_threshold = fields.Monetary(
        string="Solidarity fund alert threshold",
        currency_field="currency_id",
        help="Under this balance, the members managers get an activity.",
    )
    coop_fund_suspend_when_negative = fields.Boolean(
        string="Pause discounted tiers while the fund is negative",
        help="While the solidarity fund is below zero, members of discounted"
        " tiers pay the reference price; their tier comes back as soon as the"
        " fund is positive again (donations, subsidies, supportive tiers).",
    )
    coop_fund_discounts_paused = fields.Boolean(
        readonly=True,
        help="Technical: the policy above currently pauses the discounted tiers.",
    )
