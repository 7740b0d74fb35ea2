# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    coop_wallet_program_id = fields.Many2one(
        "loyalty.program",
        string="Members' prepaid account",
        compute="_compute_coop_wallet_program_id",
        help="The prepaid account this till tops up and takes payments from;"
        " a till without one sells as Odoo's does: no top-up, no donation.",
    )

    def _compute_coop_wallet_program_id(self):
        # sudo: cashiers don't read loyalty programs' settings.
        Program = self.env["loyalty.program"].sudo()
        for config in self:
            config.coop_wallet_program_id = Program._coop_wallet_program(
                config.company_id, pos_config=config
            )

    def _get_available_product_domain(self):
        """Top-ups and donations only at a till that sells them: elsewhere
        the till sells as Odoo's does."""
        domain = super()._get_available_product_domain()
        if not self.coop_wallet_program_id:
            domain = [*domain, ("coop_money_kind", "=", False)]
        return domain
