# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopPoolingOffer(models.Model):
    """What a producer offers for a product in a pooling, stored beside the
    demand: pooling again gives the same purchase orders, whatever the
    supplier info says since."""

    _name = "coop.pooling.offer"
    _description = "Pooling offer line"

    pooling_id = fields.Many2one(
        "coop.pooling", required=True, ondelete="cascade", index=True
    )
    producer_id = fields.Many2one("res.partner", required=True)
    product_id = fields.Many2one("product.product", required=True)
    unlimited = fields.Boolean(help="The producer supplies whatever is asked.")
    quantity = fields.Float(digits="Product Unit of Measure")
    price = fields.Float(
        digits="Product Price",
        help="Purchase price of this offer; empty: the producer's price.",
    )

    def _as_dicts(self):
        """The offers in the allocation's format."""
        return [
            {
                "producer_id": offer.producer_id.id,
                "product_id": offer.product_id.id,
                "quantity": None if offer.unlimited else offer.quantity,
                "price": offer.price or None,
            }
            for offer in self
        ]
