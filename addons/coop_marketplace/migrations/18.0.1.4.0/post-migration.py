# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.4.0: orders booked before a slot's places were numbered get theirs
(once here, not at every start in ``sale.order.init``)."""

from openupgradelib import openupgrade
from psycopg2 import sql


@openupgrade.migrate()
def migrate(env, version):
    # A database coming from before 1.5.0 has its columns renamed already
    # (the pre-migrations of every version run before any post-migration).
    slot = (
        "coop_slot_id"
        if openupgrade.column_exists(env.cr, "sale_order", "coop_slot_id")
        else "coop_pickup_slot_id"
    )
    env.cr.execute(
        sql.SQL(
            """
        UPDATE sale_order o SET coop_slot_place = numbered.place
          FROM (SELECT id, row_number() OVER (
                    PARTITION BY {slot} ORDER BY id) AS place
                  FROM sale_order WHERE {slot} IS NOT NULL) numbered
         WHERE o.id = numbered.id AND o.coop_slot_place IS NULL
        """
        ).format(slot=sql.Identifier(slot))
    )
