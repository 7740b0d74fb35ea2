# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.2.0: the shortage refund holds every refund to a member, whatever the
reason: ``coop.shortage.refund`` becomes ``coop.order.refund``, the orders'
``coop_shortage_refund_*`` fields ``coop_refund_*``."""

from openupgradelib import openupgrade

OLD, NEW = "coop_shortage_refund", "coop_order_refund"


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    if not openupgrade.table_exists(cr, OLD):
        return
    openupgrade.rename_models(cr, [("coop.shortage.refund", "coop.order.refund")])
    openupgrade.rename_tables(cr, [(OLD, NEW)])
    # The refund transactions' relation table and its column follow the
    # model's table name (Odoo's default names).
    old_rel = f"{OLD}_payment_transaction_rel"
    if openupgrade.table_exists(cr, old_rel):
        openupgrade.rename_tables(cr, [(old_rel, f"{NEW}_payment_transaction_rel")])
        openupgrade.rename_columns(
            cr, {f"{NEW}_payment_transaction_rel": [(f"{OLD}_id", f"{NEW}_id")]}
        )
    openupgrade.rename_fields(
        env,
        [
            ("sale.order", "sale_order", "coop_shortage_refund_ids", "coop_refund_ids"),
            (
                "sale.order",
                "sale_order",
                "coop_shortage_refund_state",
                "coop_refund_state",
            ),
        ],
        no_deep=True,
    )
    openupgrade.rename_xmlids(
        cr,
        [
            (f"coop_marketplace.{OLD}_{suffix}", f"coop_marketplace.{NEW}_{suffix}")
            for suffix in (
                "view_list",
                "view_form",
                "view_search",
                "action",
                "menu",
                "rule_company",
            )
        ]
        + [
            (
                f"coop_marketplace.access_{OLD}_{group}",
                f"coop_marketplace.access_{NEW}_{group}",
            )
            for group in ("manager", "salesman")
        ]
        + [
            (
                f"coop_marketplace.ir_cron_coop_shortage_refunds{suffix}",
                f"coop_marketplace.ir_cron_coop_order_refunds{suffix}",
            )
            for suffix in ("", "_ir_actions_server")
        ],
    )
