# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.5.0: a slot is a time window at a point, for a pickup or a delivery
(#34): ``coop.pickup.slot`` and ``coop.pickup.slot.template`` become
``coop.slot`` and ``coop.slot.template``; the orders' and rounds'
``coop_pickup_slot_id`` becomes ``coop_slot_id``, the orders'
``coop_pickup_point_id`` (a pickup point or a bike hub) ``coop_point_id``.
Records, followers, messages and attachments keep their ids; the XML ids,
constraints and indexes take the new names. The bike's couriers' table is
coop_bike_delivery's own pre-migration."""

from openupgradelib import openupgrade
from psycopg2 import sql

MODELS = [
    ("coop.pickup.slot", "coop.slot"),
    ("coop.pickup.slot.template", "coop.slot.template"),
]
TABLES = [
    ("coop_pickup_slot", "coop_slot"),
    ("coop_pickup_slot_template", "coop_slot_template"),
]
FIELDS = [
    ("sale.order", "sale_order", "coop_pickup_slot_id", "coop_slot_id"),
    ("sale.order", "sale_order", "coop_pickup_point_id", "coop_point_id"),
    (
        "stock.picking.batch",
        "stock_picking_batch",
        "coop_pickup_slot_id",
        "coop_slot_id",
    ),
]
# What names a model or a field in the database's own text (record rules,
# mail templates, actions, filters, views, server actions): the records a
# module loads with noupdate, or people made, are not loaded again. PostgreSQL
# regular expressions: \m and \M are word boundaries.
EXPRESSIONS = [
    (r"\mcoop_pickup_slot_id\M", "coop_slot_id"),
    (r"\mcoop_pickup_point_id\M", "coop_point_id"),
    (r"\mcoop\.pickup\.slot\M", "coop.slot"),
]
TEXT_COLUMNS = [
    ("ir_rule", "domain_force"),
    ("ir_act_window", "domain"),
    ("ir_act_window", "context"),
    ("ir_act_server", "code"),
    ("ir_filters", "domain"),
    ("ir_filters", "context"),
    ("ir_filters", "sort"),
    ("ir_model_fields", "related"),
    ("ir_model_fields", "depends"),
    ("ir_model_fields", "domain"),
    ("mail_template", "subject"),
    ("mail_template", "body_html"),
    ("mail_template", "partner_to"),
    ("ir_ui_view", "arch_db"),
]
# Columns holding a model's name that are no reference Odoo knows of.
MODEL_COLUMNS = [
    ("ir_act_window", "res_model"),
    ("ir_act_server", "model_name"),
    ("ir_act_report_xml", "model"),
    ("mail_template", "model"),
    ("ir_ui_view", "model"),
]
# (table, old part of a constraint's or an index's name, new part)
SCHEMA_NAMES = [
    ("sale_order", "coop_pickup_slot_id", "coop_slot_id"),
    ("sale_order", "coop_pickup_point_id", "coop_point_id"),
    ("stock_picking_batch", "coop_pickup_slot_id", "coop_slot_id"),
]


def rename_schema_names(cr, table, old, new):
    """Constraints and indexes of ``table`` named after a renamed column
    (Odoo would otherwise add its own beside them)."""
    cr.execute(
        """
        SELECT conname FROM pg_constraint
         WHERE conrelid = %s::regclass AND conname LIKE %s
        """,
        (table, f"%{old}%"),
    )
    for (name,) in cr.fetchall():
        cr.execute(
            sql.SQL("ALTER TABLE {} RENAME CONSTRAINT {} TO {}").format(
                sql.Identifier(table),
                sql.Identifier(name),
                sql.Identifier(name.replace(old, new)),
            )
        )
    cr.execute(
        "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname LIKE %s",
        (table, f"%{old}%"),
    )
    for (name,) in cr.fetchall():
        cr.execute(
            sql.SQL("ALTER INDEX {} RENAME TO {}").format(
                sql.Identifier(name), sql.Identifier(name.replace(old, new))
            )
        )


def rename_in_texts(cr):
    """The old names, wherever the database writes them as text."""
    for table, column in TEXT_COLUMNS:
        if not openupgrade.column_exists(cr, table, column):
            continue
        cr.execute(
            "SELECT data_type FROM information_schema.columns"
            " WHERE table_name = %s AND column_name = %s",
            (table, column),
        )
        is_json = cr.fetchone()[0] == "jsonb"
        value = sql.SQL("{}::text" if is_json else "{}").format(sql.Identifier(column))
        for pattern, new in EXPRESSIONS:
            replaced = sql.SQL("regexp_replace({}, %s, %s, 'g')").format(value)
            if is_json:
                replaced = sql.SQL("({})::jsonb").format(replaced)
            cr.execute(
                sql.SQL(
                    "UPDATE {table} SET {column} = {replaced} WHERE {value} ~ %s"
                ).format(
                    table=sql.Identifier(table),
                    column=sql.Identifier(column),
                    replaced=replaced,
                    value=value,
                ),
                (pattern, new, pattern),
            )
    for table, column in MODEL_COLUMNS:
        if not openupgrade.column_exists(cr, table, column):
            continue
        for old, new in MODELS:
            cr.execute(
                sql.SQL("UPDATE {} SET {} = %s WHERE {} = %s").format(
                    sql.Identifier(table),
                    sql.Identifier(column),
                    sql.Identifier(column),
                ),
                (new, old),
            )


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    if not openupgrade.table_exists(cr, "coop_pickup_slot"):
        return
    # The place triggers' functions name the old table and column: they go
    # here, and the models' init() makes them again with the new names.
    cr.execute(
        """
        DROP TRIGGER IF EXISTS coop_slot_place_check ON sale_order;
        DROP TRIGGER IF EXISTS coop_slot_capacity_renumber ON coop_pickup_slot;
        """
    )
    openupgrade.rename_models(cr, MODELS)
    openupgrade.rename_tables(cr, TABLES)
    openupgrade.rename_fields(env, FIELDS, no_deep=True)
    for table, old, new in SCHEMA_NAMES:
        rename_schema_names(cr, table, old, new)
    rename_in_texts(cr)
    # What Odoo knows of the constraints by their names.
    cr.execute(
        """
        UPDATE ir_model_constraint
           SET name = replace(name, 'coop_pickup_slot', 'coop_slot')
         WHERE name LIKE 'coop\\_pickup\\_slot\\_%'
        """
    )
    # Every other XML id named after the models or fields (views, actions,
    # menus, access rules, record rules, selections, constraints, demo).
    cr.execute(
        """
        SELECT module, name FROM ir_model_data
         WHERE module IN ('coop_marketplace', 'coop_bike_delivery')
           AND (name LIKE '%coop\\_pickup\\_slot%'
                OR name LIKE '%\\_\\_coop\\_pickup\\_point\\_id')
        """
    )
    openupgrade.rename_xmlids(
        cr,
        [
            (
                f"{module}.{name}",
                "{}.{}".format(
                    module,
                    name.replace("coop_pickup_slot", "coop_slot").replace(
                        "coop_pickup_point_id", "coop_point_id"
                    ),
                ),
            )
            for module, name in cr.fetchall()
        ],
    )
