# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Every coop prints on a paper whose header holds its logo and details.
    paperformat_id = fields.Many2one(
        default=lambda self: (
            self.env.ref("coop_members.paperformat_coop_a4", raise_if_not_found=False)
            or self.env.ref("base.paperformat_euro", raise_if_not_found=False)
        )
    )

    @api.model
    def _coop_use_coop_paper(self):
        """Companies printing on Odoo's A4 print on the coop's (once, at
        install): their documents' titles no longer slide under the header.
        A company that chose another format keeps it."""
        paper = self.env.ref("coop_members.paperformat_coop_a4")
        euro = self.env.ref("base.paperformat_euro", raise_if_not_found=False)
        self.search([("paperformat_id", "in", [False, euro.id if euro else 0])]).write(
            {"paperformat_id": paper.id}
        )
