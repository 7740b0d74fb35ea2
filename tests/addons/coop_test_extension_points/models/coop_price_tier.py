# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopPriceTier(models.Model):
    """A price rule through the registry: a fixed amount off the reference
    price (a rule some épiceries solidaires use for a few staple goods)."""

    _inherit = "coop.price.tier"

    rule = fields.Selection(
        selection_add=[("flat_off", "Fixed amount off the reference price")],
        ondelete={"flat_off": "set default"},
    )
    flat_off_amount = fields.Monetary(string="Amount off")

    def _pricing_fields(self):
        return super()._pricing_fields() | {"flat_off_amount"}

    @api.depends("is_reference", "rule", "price_change", "flat_off_amount")
    def _compute_is_discount(self):
        return super()._compute_is_discount()

    def _price_rule_flat_off_values(self):
        return {"base": "list_price", "price_surcharge": -self.flat_off_amount}

    def _price_rule_flat_off_is_discount(self):
        return self.flat_off_amount > 0
