# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CoopStandingDemand(models.Model):
    """What the standing baskets ask of each farm, per product and pickup
    point: the number of subscribers and the quantity, for the producer's
    planning before a cycle opens. Counts only: no member's name."""

    _name = "coop.standing.demand"
    _description = "Standing baskets demand"
    _auto = False
    _order = "product_id, point_id"
    # What the view reads, flushed before it is queried.
    _depends = {
        "coop.standing.order": [
            "company_id",
            "product_id",
            "point_id",
            "state",
            "date_end",
            "quantity",
        ],
        "product.product": ["product_tmpl_id"],
        "product.template": ["coop_producer_id"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    product_id = fields.Many2one("product.product", string="Basket", readonly=True)
    producer_id = fields.Many2one("res.partner", readonly=True)
    point_id = fields.Many2one(
        "coop.pickup.point", string="Pickup point", readonly=True
    )
    subscriber_count = fields.Integer(string="Subscribers", readonly=True)
    quantity = fields.Float(string="Quantity per cycle", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT MIN(s.id) AS id,
                           s.company_id,
                           s.product_id,
                           t.coop_producer_id AS producer_id,
                           s.point_id,
                           COUNT(*) AS subscriber_count,
                           SUM(s.quantity) AS quantity
                      FROM coop_standing_order s
                      JOIN product_product p ON p.id = s.product_id
                      JOIN product_template t ON t.id = p.product_tmpl_id
                     WHERE s.state = 'active'
                       AND (s.date_end IS NULL OR s.date_end >= CURRENT_DATE)
                     GROUP BY s.company_id, s.product_id, t.coop_producer_id,
                              s.point_id
                )
                """,
                SQL.identifier(self._table),
            )
        )
