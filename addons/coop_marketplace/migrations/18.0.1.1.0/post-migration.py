# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.1.0: the shortage refunds have their own model; the cycles' job has its
new method name (its record is noupdate)."""

from odoo import SUPERUSER_ID, api
from odoo.tools.sql import column_exists


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref(
        "coop_marketplace.ir_cron_coop_order_cycles"
    ).code = "model._cron_open_and_close()"
    if not column_exists(cr, "sale_order", "coop_shortage_refund_state"):
        return
    # Each order's refund state becomes a refund record, its amount the
    # value taken off the order.
    cr.execute(
        """
        SELECT id, coop_shortage_amount, coop_shortage_refund_state
          FROM sale_order
         WHERE coop_shortage_refund_state IS NOT NULL
           AND coop_shortage_amount > 0
        """
    )
    rows = cr.fetchall()
    env["coop.shortage.refund"].create(
        [
            {"order_id": order_id, "amount": amount, "state": state}
            for order_id, amount, state in rows
        ]
    )
    cr.execute("ALTER TABLE sale_order DROP COLUMN coop_shortage_refund_state")
