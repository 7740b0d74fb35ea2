# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CoopPriceTier(models.Model):
    _inherit = "coop.price.tier"

    def _coop_reference_price_templates(self):
        """A top-up or a donation is money: the same amount for everyone."""
        # sudo: the tier's pricelist lists them, whoever edits the tier.
        return super()._coop_reference_price_templates() | self.env[
            "product.template"
        ].sudo().search(
            [
                ("coop_money_kind", "!=", False),
                ("company_id", "in", [False, self.company_id.id]),
            ]
        )
