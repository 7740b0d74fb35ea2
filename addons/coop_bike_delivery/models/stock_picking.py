# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPicking(models.Model):
    """A delivery as a stop of a bike round. The round is our own link:
    Odoo takes a transfer out of its batch as soon as it is validated alone,
    and a delivered stop stays in its round."""

    _inherit = "stock.picking"

    coop_round_id = fields.Many2one(
        "stock.picking.batch",
        string="Bike round",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="set null",
    )
    coop_stop_sequence = fields.Integer(string="Stop", copy=False, readonly=True)
