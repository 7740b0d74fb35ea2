# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PosCategory(models.Model):
    _inherit = "pos.category"

    def _load_pos_data_domain(self, data):
        """The category of top-ups and donations only at a till that sells
        them (the configuration, loaded first, says so)."""
        domain = super()._load_pos_data_domain(data)
        if not data["pos.config"]["data"][0].get("coop_wallet_program_id"):
            wallet = self.env.ref(
                "coop_wallet.pos_category_wallet", raise_if_not_found=False
            )
            if wallet:
                domain = [*domain, ("id", "!=", wallet.id)]
        return domain
