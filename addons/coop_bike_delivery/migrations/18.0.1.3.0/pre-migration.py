# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.3.0: the slot's couriers follow the slot's new name (coop_marketplace
1.5.0): their relation table and its column, Odoo's record of it, and its
index (Odoo makes it again under the new name)."""

from openupgradelib import openupgrade
from psycopg2 import sql

OLD, NEW = "coop_pickup_slot_res_users_rel", "coop_slot_res_users_rel"


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    if not openupgrade.table_exists(cr, OLD):
        return
    openupgrade.rename_tables(cr, [(OLD, NEW)])
    openupgrade.rename_columns(cr, {NEW: [("coop_pickup_slot_id", "coop_slot_id")]})
    cr.execute("UPDATE ir_model_relation SET name = %s WHERE name = %s", (NEW, OLD))
    cr.execute(
        """
        SELECT indexname FROM pg_indexes
         WHERE tablename = %s AND indexname LIKE %s AND indexname NOT LIKE %s
        """,
        (NEW, "%coop\\_pickup\\_slot%", "%\\_pkey"),
    )
    for (name,) in cr.fetchall():
        cr.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
