# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The website loads the JavaScript translations of website modules
        only. The shop's pickup-point selector is delivery's component (its
        French, "Choisir un point d'enlèvement", "Vue de liste"..., is in
        delivery's translations), and the payment button's label is ours."""
        return [
            *super()._get_translation_frontend_modules_name(),
            "delivery",
            "coop_marketplace",
        ]
