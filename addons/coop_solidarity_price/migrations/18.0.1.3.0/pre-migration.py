# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.3.0: the former unique(sale_order_line_id) constraint of the fund's
entries (a line's corrections follow it now: a partial unique index, see
``coop.solidarity.entry.init``) is dropped once here, not at every start."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env.cr.execute(
        "ALTER TABLE coop_solidarity_entry"
        " DROP CONSTRAINT IF EXISTS coop_solidarity_entry_sale_line_uniq"
    )
