"""An upgrade from the previous main carries a coop's database over
(#34): the addons of each of ``UPGRADE_FROM`` are installed with their demo on a
new database, the current addons upgrade it (their migrations), and every
record is still there, under its new name where a model or a table was
renamed, and an addon split off since (coop_pos_bulk) is installed; then the
member's pages' tours (tests/test_member_pages.py) and the till's bulk
weighing tour pass on the upgraded database, and the journey simulator runs
on it.

``UPGRADE_FROM``: the mains a coop may run before this code lands. The
previous main (a session whose work changes a schema puts its own last
landed commit here, in place of the last one) and the main before the slot's
rename (its migrations are the largest), each upgraded on its own database.
"""

import ast
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent

import coop

UPGRADE_FROM = {
    # The main before the slot's rename (#34): coop.pickup.slot.
    "before_rename": "9027584e047d478242426b98d58f5fec32d5f3f1",
    # The previous main: the bulk weighing still in coop_members.
    "previous_main": "04c50bda31b60bbda3c70e5c67eb7aa8b07062ff",
}
DB = "coop_upgrade"
# Tables renamed since the oldest of UPGRADE_FROM: old name → new name.
RENAMED_TABLES = {
    "coop_pickup_slot": "coop_slot",
    "coop_pickup_slot_template": "coop_slot_template",
    "coop_pickup_slot_res_users_rel": "coop_slot_res_users_rel",
}
RENAMED_MODELS = {
    "coop.pickup.slot": "coop.slot",
    "coop.pickup.slot.template": "coop.slot.template",
}
# Odoo's tables whose records people make, beside every coop_* table.
CORE_TABLES = [
    "res_partner",
    "sale_order",
    "sale_order_line",
    "stock_picking",
    "stock_picking_batch",
    "stock_move",
    "account_move",
    "account_move_line",
    "account_payment",
    "payment_transaction",
    "pos_order",
    "pos_order_line",
    "pos_payment",
    "product_template",
    "product_pricelist_item",
]


def old_addons(folder, commit):
    """The addons folder of ``commit`` (git archive of the checkout)."""
    archive = folder / "addons.tar"
    known = subprocess.run(
        ["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=ROOT, check=False
    )
    assert known.returncode == 0, (
        f"the upgrade test needs {commit[:8]} in the checkout's history:"
        " clone without --depth"
    )
    subprocess.run(
        ["git", "archive", "--output", str(archive), commit, "addons"],
        cwd=ROOT,
        check=True,
    )
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder / "addons"


def odoo(addons, logfile, *args):
    cmd = coop.odoo_cmd(
        "build.conf",
        f"--database={DB}",
        # Odoo's, the OCA addons (installed by pip: the twin has those ours
        # depend on), then ours of the version under test.
        "--addons-path="
        + ",".join(
            map(
                str,
                [
                    coop.ODOO_SRC / "addons",
                    coop.ODOO_SRC / "odoo" / "addons",
                    *coop.oca_addons_dirs(),
                    addons,
                ],
            )
        ),
        f"--logfile={logfile}",
        "--stop-after-init",
        *args,
    )
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, logfile.read_text()[-4000:]
    assert coop.log_is_clean(logfile, "upgrade log"), logfile.read_text()[-4000:]


def installed_after(ours):
    """Our addons an upgrade of ``ours`` leaves installed: those, and the
    auto-installed ones whose dependencies are there."""
    installed = set(ours)
    manifests = {
        name: ast.literal_eval((coop.ADDONS_DIR / name / "__manifest__.py").read_text())
        for name in coop.OUR_ADDONS
    }
    grown = True
    while grown:
        grown = False
        for name, manifest in manifests.items():
            ours_needed = {d for d in manifest["depends"] if d in manifests}
            if (
                name not in installed
                and manifest.get("auto_install")
                and ours_needed <= installed
            ):
                installed.add(name)
                grown = True
    return installed


def counts():
    """{what: how many}: every coop table's rows, the core tables', and the
    followers, messages and attachments of each model."""
    conn = coop.connect(DB)
    found = {}
    with conn.cursor() as cr:
        cr.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            " AND (tablename LIKE 'coop\\_%%' OR tablename = ANY(%s))",
            [CORE_TABLES],
        )
        for (table,) in cr.fetchall():
            cr.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
            found[table] = cr.fetchone()[0]
        for table, column in [
            ("mail_followers", "res_model"),
            ("mail_message", "model"),
            ("ir_attachment", "res_model"),
        ]:
            cr.execute(
                sql.SQL(
                    "SELECT {column}, count(*) FROM {table}"
                    " WHERE {column} IS NOT NULL GROUP BY 1"
                ).format(column=sql.Identifier(column), table=sql.Identifier(table))
            )
            for model, count in cr.fetchall():
                found[f"{table} of {model}"] = count
    conn.close()
    return found


def renamed(before):
    result = {}
    for key, count in before.items():
        key = RENAMED_TABLES.get(key, key)
        if " of " in key:
            what, model = key.split(" of ")
            key = f"{what} of {RENAMED_MODELS.get(model, model)}"
        result[key] = count
    return result


@pytest.mark.parametrize("main", sorted(UPGRADE_FROM))
def test_the_previous_main_upgrades_with_every_record(tmp_path, main):
    addons = old_addons(tmp_path, UPGRADE_FROM[main])
    ours = sorted(p.parent.name for p in addons.glob("*/__manifest__.py"))
    coop.copy_db(coop.ensure_vanilla(), DB)
    try:
        # As the template is built: Odoo's modules are marked as having
        # their demo, so that ours load theirs.
        with coop.connect(DB) as conn, conn.cursor() as cr:
            cr.execute(
                "UPDATE ir_module_module SET demo = TRUE WHERE state = 'installed'"
            )
            # The twin's module list was read with today's addons: a
            # database of the previous main never heard of addons added
            # since (an auto-installed one would be picked, and not found).
            unknown = sorted(set(coop.OUR_ADDONS) - set(ours))
            cr.execute(
                "DELETE FROM ir_model_data WHERE model = 'ir.module.module'"
                " AND module = 'base' AND name = ANY(%s)",
                [[f"module_{name}" for name in unknown]],
            )
            cr.execute(
                "DELETE FROM ir_module_module WHERE name = ANY(%s)"
                " AND state = 'uninstalled'",
                [unknown],
            )
        conn.close()
        odoo(addons, tmp_path / "install.log", f"--init={','.join(ours)}")
        before = counts()
        assert before.get("coop_pickup_slot", before.get("coop_slot"))
        assert before["coop_share_movement"]

        odoo(coop.ADDONS_DIR, tmp_path / "upgrade.log", f"--update={','.join(ours)}")
        after = counts()
        expected = renamed(before)
        lost = {
            key: (count, after.get(key))
            for key, count in expected.items()
            if after.get(key) != count
        }
        assert not lost, f"counts changed by the upgrade (before, after): {lost}"
        with coop.connect(DB) as conn, conn.cursor() as cr:
            # An addon split off since (coop_pos_bulk, out of coop_members)
            # is installed by the upgrade, as on a new database; a new
            # feature's addon is not (a coop installs it when it wants it).
            cr.execute(
                "SELECT name FROM ir_module_module"
                " WHERE name LIKE 'coop\\_%' AND state = 'installed'"
            )
            assert {name for (name,) in cr.fetchall()} == installed_after(ours)
            cr.execute(
                "SELECT module || '.' || name FROM ir_model_data"
                " WHERE name LIKE '%pickup\\_slot\\_%'"
                " OR model LIKE 'coop.pickup.slot%'"
            )
            assert cr.fetchall() == [], "no XML id keeps the old names"
            # Rules and mail templates loaded with noupdate keep their text
            # through an upgrade: the migration renamed in them too.
            for table, column in [
                ("ir_rule", "domain_force"),
                ("mail_template", "body_html::text"),
                ("ir_ui_view", "arch_db::text"),
                ("ir_act_window", "res_model"),
                ("ir_act_window", "domain"),
            ]:
                cr.execute(
                    f"SELECT id FROM {table} WHERE {column} ~ 'coop_pickup_slot"
                    "|coop_pickup_point_id\\M|coop\\.pickup\\.slot'"
                )
                assert cr.fetchall() == [], f"{table}.{column} names the old names"
        conn.close()

        # The member's pages on the upgraded demo, and a short run of the
        # journey simulator (money and privacy checked after every step).
        tests = subprocess.run(
            [
                sys.executable,
                str(ROOT / "tools" / "coop.py"),
                "test",
                "--database",
                DB,
                "tests/test_member_pages.py",
                "addons/coop_pos_bulk/tests/test_cashier_weighs_bulk.py",
                "tests/test_journeys.py::TestJourneys::test_random_journeys_keep_money_and_privacy",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "COOP_JOURNEY_EXAMPLES": "4"},
            check=False,
        )
        assert tests.returncode == 0, tests.stdout[-6000:] + tests.stderr[-3000:]
        assert " passed" in tests.stdout and " failed" not in tests.stdout
    finally:
        if not os.environ.get("COOP_KEEP_UPGRADE_DB"):  # kept to look into
            coop.drop_db(DB)
