"""What the backup tests share (tests/test_backup_restore.py,
tests/test_point_in_time_recovery.py): the coop at work in another process."""

import os
import subprocess
from pathlib import Path

import coop


def run_sql(db, statement):
    """Another process at work (a till syncing, an order): committed."""
    conn = coop.connect(db)
    with conn, conn.cursor() as cr:
        cr.execute(statement)
    conn.close()


def template_copy(name):
    """A copy of the demo template (no test connection holds it) to write
    in as the coop would, committing."""
    template = coop.TEMPLATE_PREFIX + coop.template_key()
    assert coop.db_exists(template), "the tests run on a copy of it"
    coop.copy_db(template, name)
    return name


def a_member_joins_at_the_till(db, label, db_port=None):
    """Another process (``odoo-bin shell``) commits a new contact, her share
    subscription in the register and a paid till order (hashed):
    (contact id, register number, till order)."""
    script = Path(__file__).with_name("shell_a_member_joins_at_the_till.py")
    cmd = coop.shell_cmd(db)
    if db_port:
        cmd.append(f"--db_port={db_port}")
    with open(script) as stdin:
        done = subprocess.run(
            cmd,
            stdin=stdin,
            capture_output=True,
            text=True,
            env={**os.environ, "COOP_LABEL": label},
            check=False,
        )
    wrote = [line for line in done.stdout.splitlines() if line.startswith("WROTE\t")]
    assert wrote, done.stderr[-2000:]
    partner_id, movement, order_id = wrote[0].split("\t")[1:4]
    return int(partner_id), movement, int(order_id)
