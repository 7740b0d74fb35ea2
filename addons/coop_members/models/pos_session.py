# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class PosSession(models.Model):
    _inherit = "pos.session"

    @api.model
    def _load_pos_data_models(self, config_id):
        # The till knows which products are shares (and of which class).
        return [*super()._load_pos_data_models(config_id), "coop.share.class"]
