# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_min_order_amount = fields.Monetary(
        string="Minimum order per cycle",
        currency_field="coop_currency_id",
        help="A producer's usual minimum: what members must order from them"
        " in a cycle (taxes excluded) for them to deliver. Copied into each"
        " cycle they are in, where the coordinator can change it.",
    )
    coop_currency_id = fields.Many2one(
        "res.currency", compute="_compute_coop_currency_id"
    )

    def _compute_coop_currency_id(self):
        # The amount is in the current platform's currency (euros here).
        self.coop_currency_id = self.env.company.currency_id
