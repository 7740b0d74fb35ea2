# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.2.0: a courier who wrote on an order ("Je pars du dépôt", "Absent")
became its follower, and Odoo's portal rule then showed her that member's
order. Couriers follow no order they didn't place (the round's messages are
posted without subscribing anyone now)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    couriers = env.ref("coop_bike_delivery.group_coop_courier").users
    if not couriers:
        return
    cr.execute(
        """
        DELETE FROM mail_followers follower
         USING sale_order sale
         WHERE follower.res_model = 'sale.order'
           AND follower.res_id = sale.id
           AND follower.partner_id = ANY(%s)
           AND sale.partner_id != follower.partner_id
        """,
        [couriers.partner_id.ids],
    )
