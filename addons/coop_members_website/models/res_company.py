# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    coop_admission_mode = fields.Selection(
        [
            ("automatic", "Automatic once the shares are paid"),
            ("board", "Approved by the board"),
        ],
        string="Admission of new members",
        default="automatic",
        required=True,
    )
    coop_admission_body = fields.Char(
        string="Who decides admissions",
        translate=True,
        default=lambda self: self.env._("the board"),
        help="Shown to candidates: the body that approves or refuses them"
        " (e.g. the board of directors).",
    )
    coop_admission_criteria = fields.Text(
        string="Admission criteria",
        translate=True,
        help="Who may join, as the statutes say; shown on the joining page.",
    )
