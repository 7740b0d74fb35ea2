# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    coop_pooling_id = fields.Many2one(
        "coop.pooling",
        string="Pooling",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
