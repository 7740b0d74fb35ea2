"""The long jobs run as Odoo's job runner runs them, one transaction per
call (``ir.cron._notify_progress``), and a job killed for real resumes: an
Odoo server with a job thread makes the standing baskets' orders of the
demo's open cycle; it is killed (SIGKILL, as the kernel's out-of-memory
killer or a container stop would) once a first batch is committed; the batch
it was making is gone whole; a new server makes the rest, none twice."""

import os
import signal
import subprocess
import time
from pathlib import Path

import coop
import requests
from backup_helpers import run_sql, template_copy

from odoo.tests.common import get_db_name

PER_CALL = 8  # the job's batch (50 by default: a system parameter)
BASKETS = 24  # three calls of the job


def query(db, statement):
    conn = coop.connect(db)
    with conn.cursor() as cr:
        cr.execute(statement)
        rows = cr.fetchall()
    conn.close()
    return rows


def standing_orders(db):
    """(orders made for a standing basket, baskets with two orders in one
    cycle) in the open cycle of the main coop."""
    made = query(
        db,
        "SELECT count(*) FROM sale_order o JOIN coop_order_cycle c"
        " ON c.id = o.coop_cycle_id WHERE c.state = 'open' AND c.company_id = 1"
        " AND o.coop_standing_order_id IS NOT NULL",
    )[0][0]
    doubles = query(
        db,
        "SELECT count(*) FROM (SELECT coop_standing_order_id, coop_cycle_id"
        " FROM sale_order WHERE coop_standing_order_id IS NOT NULL"
        " GROUP BY 1, 2 HAVING count(*) > 1) d",
    )[0][0]
    return made, doubles


def start_job_server(db, log):
    """An Odoo server with one job thread on ``db``, the standing baskets'
    job due now (a trigger, and the notification Odoo's own _trigger sends
    after its commit)."""
    run_sql(
        db,
        "INSERT INTO ir_cron_trigger (cron_id, call_at) SELECT res_id,"
        " now() at time zone 'UTC' FROM ir_model_data WHERE module ="
        " 'coop_marketplace' AND name = 'ir_cron_coop_standing_orders'",
    )
    port = coop.free_ports(1)[0]
    server = subprocess.Popen(
        coop.odoo_cmd(
            "test.conf",
            f"--database={db}",
            f"--db-filter=^{db}$",
            f"--http-port={port}",
            "--max-cron-threads=1",
            "--log-level=info",
        ),
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    for __ in range(240):
        try:
            if requests.get(f"http://127.0.0.1:{port}/web/login", timeout=5).ok:
                break
        except requests.RequestException:
            pass
        time.sleep(0.5)
    return server


def wake_jobs(db):
    """What ir.cron._trigger sends after its commit: the job threads listen
    on the ``postgres`` database."""
    run_sql("postgres", f"NOTIFY cron_trigger, '{db}'")


def kill(server):
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(30)


def test_a_killed_standing_orders_job_resumes_without_doubles(tmp_path):
    db = f"{get_db_name()}_jobs"
    template_copy(db)
    log = (tmp_path / "server.log").open("w")
    server = None
    try:
        script = Path(__file__).with_name("shell_many_standing_baskets.py")
        with open(script) as stdin:
            done = subprocess.run(
                coop.shell_cmd(db),
                stdin=stdin,
                capture_output=True,
                text=True,
                env={**os.environ, "COOP_BASKETS": str(BASKETS)},
                check=False,
            )
        waiting = [
            line for line in done.stdout.splitlines() if line.startswith("BASKETS")
        ]
        assert waiting, done.stderr[-2000:]
        waiting = int(waiting[0].split()[1])
        made_before, __ = standing_orders(db)
        run_sql(
            db,
            "INSERT INTO ir_config_parameter (key, value) VALUES"
            f" ('coop_marketplace.standing_orders_per_call', '{PER_CALL}')",
        )
        assert waiting > 2 * PER_CALL

        server = start_job_server(db, log)
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            wake_jobs(db)
            made, __ = standing_orders(db)
            if made > made_before:
                break
            time.sleep(0.2)
        # The first call committed; the second one is at work: kill it.
        kill(server)
        server = None
        made, doubles = standing_orders(db)
        assert made - made_before == PER_CALL, (
            "one whole batch committed, the killed one gone whole"
        )
        assert doubles == 0

        server = start_job_server(db, log)
        while time.monotonic() < deadline:
            wake_jobs(db)
            made, doubles = standing_orders(db)
            if made - made_before >= waiting:
                break
            time.sleep(0.5)
        kill(server)
        server = None
        made, doubles = standing_orders(db)
        assert (made - made_before, doubles) == (waiting, 0)
    finally:
        if server:
            kill(server)
        log.close()
        coop.drop_db(db)
