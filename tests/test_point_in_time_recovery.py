"""Point-in-time recovery as the production layout does it
(docker/production/pgbackrest.conf, README "Production"), proved on a
PostgreSQL cluster of this machine's own: the WAL archived by pgBackRest,
a nightly full backup, then a member joins at the till (A), the time is
noted, another joins (B); a restore to the noted time has A and not B, and
the register, till and journal chains verify on it with Odoo's own checks.

The cluster is a new one (initdb in a temporary folder, on a free port):
the server the tests share keeps its settings."""

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent

import backup
import coop
from backup_helpers import a_member_joins_at_the_till

PGBACKREST_CONF = ROOT / "docker" / "production" / "pgbackrest.conf"
DB = "coop_pitr"


def server_major():
    with coop.connect() as conn, conn.cursor() as cr:
        cr.execute("SHOW server_version_num")
        return int(cr.fetchone()[0]) // 10000


def server_bin(name):
    """The server's own ``name`` (Debian keeps pg_ctl out of the PATH)."""
    own = Path(f"/usr/lib/postgresql/{server_major()}/bin/{name}")
    return str(own) if own.exists() else shutil.which(name)


def as_postgres():
    """PostgreSQL and pgBackRest refuse to run as root: as postgres then."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def run(*cmd):
    done = subprocess.run(
        [*as_postgres(), *cmd], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{cmd[0]}: {done.stdout[-1500:]}{done.stderr[-1500:]}"
    return done.stdout


class Cluster:
    """One PostgreSQL data directory of the temporary folder."""

    def __init__(self, work, name):
        self.data = work / name
        self.socket = work / f"{name}-socket"
        self.socket.mkdir()
        self.port = coop.free_ports(1)[0]

    def start(self, *options):
        run(
            server_bin("pg_ctl"),
            "start",
            "-w",
            "-D",
            str(self.data),
            "-l",
            str(self.data.parent / f"{self.data.name}.log"),
            "-o",
            " ".join([f"-p {self.port}", f"-k {self.socket}", *options]),
        )

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            run(server_bin("pg_ctl"), "stop", "-m", "fast", "-w", "-D", str(self.data))

    def query(self, statement, db=DB):
        conn = psycopg2.connect(
            dbname=db, host="127.0.0.1", port=self.port, user=coop.DB_USER
        )
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute(statement)
            rows = cr.fetchall() if cr.description else None
        conn.close()
        return rows


def pgbackrest(work, cluster, *args):
    """pgBackRest with the production file, its paths moved to ``work``."""
    return run(
        "pgbackrest",
        f"--config={work / 'pgbackrest.conf'}",
        f"--repo1-path={work / 'repo'}",
        f"--log-path={work / 'log'}",
        f"--pg1-path={cluster.data}",
        "--stanza=coop",
        *args,
    )


def test_restore_to_a_point_in_time():
    work = Path(tempfile.mkdtemp(prefix="coop-pitr-"))
    os.chmod(work, 0o755)
    for folder in ("repo", "log"):
        (work / folder).mkdir()
    # The production file, where user postgres can read it (a checkout may
    # be in a folder only root enters).
    shutil.copy(PGBACKREST_CONF, work / "pgbackrest.conf")
    if os.geteuid() == 0:
        postgres = pwd.getpwnam("postgres")
        os.chown(work, postgres.pw_uid, postgres.pw_gid)
    primary = Cluster(work, "primary")
    restored = Cluster(work, "restored")
    for folder in work.iterdir():
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
    timings = {}
    try:
        run(
            server_bin("initdb"),
            "-D",
            str(primary.data),
            f"--username={coop.DB_USER}",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )
        # As compose.yaml's primary: every WAL segment to the archive.
        archive = " ".join(
            [
                "pgbackrest",
                f"--config={work / 'pgbackrest.conf'}",
                f"--repo1-path={work / 'repo'}",
                f"--log-path={work / 'log'}",
                f"--pg1-path={primary.data}",
                "--stanza=coop",
                "archive-push %p",
            ]
        )
        with open(primary.data / "postgresql.conf", "a") as conf:
            conf.write(
                "listen_addresses = '127.0.0.1'\n"
                "wal_level = replica\n"
                "archive_mode = on\n"
                "archive_timeout = 60\n"
                f"archive_command = '{archive}'\n"
            )
        primary.start()
        local = [
            f"--pg1-port={primary.port}",
            f"--pg1-socket-path={primary.socket}",
            f"--pg1-user={coop.DB_USER}",
        ]
        pgbackrest(work, primary, *local, "stanza-create")

        # The coop's database (the demo template) on it.
        dump = work / "coop.dump"
        template = coop.TEMPLATE_PREFIX + coop.template_key()
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", template],
            env=backup._pg_env(),
            check=True,
        )
        primary.query(f"CREATE DATABASE {DB}", db="postgres")
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--host=127.0.0.1",
                f"--port={primary.port}",
                f"--username={coop.DB_USER}",
                f"--dbname={DB}",
                str(dump),
            ],
            check=True,
        )
        start = time.monotonic()
        pgbackrest(work, primary, *local, "--type=full", "backup")
        timings["full backup"] = time.monotonic() - start

        member_a = a_member_joins_at_the_till(DB, "Membre A", db_port=primary.port)
        target = primary.query("SELECT now()::text")[0][0]
        time.sleep(1)
        member_b = a_member_joins_at_the_till(DB, "Membre B", db_port=primary.port)
        # The last segment reaches the archive (what archive_timeout does
        # within a minute in production).
        pgbackrest(work, primary, *local, "check")

        # The primary runs on, untouched: the restore goes to a new folder.
        restored.data.mkdir(mode=0o700)
        if os.geteuid() == 0:
            shutil.chown(restored.data, "postgres", "postgres")
        start = time.monotonic()
        pgbackrest(
            work,
            restored,
            "--type=time",
            f"--target={target}",
            "--target-action=promote",
            "restore",
        )
        # Not the primary's archive: this copy is for reading.
        restored.start("-c archive_mode=off")
        for __ in range(120):
            if restored.query("SELECT pg_is_in_recovery()")[0][0] is False:
                break
            time.sleep(0.5)
        timings["restore to the time"] = time.monotonic() - start

        def found(member):
            partner_id, movement, order_id = member
            return (
                restored.query(f"SELECT name FROM res_partner WHERE id = {partner_id}"),
                restored.query(
                    "SELECT count(*) FROM coop_share_movement"
                    f" WHERE name = '{movement}' AND partner_id = {partner_id}"
                )[0][0],
                restored.query(f"SELECT count(*) FROM pos_order WHERE id = {order_id}")[
                    0
                ][0],
            )

        assert found(member_a) == ([("Membre A",)], 1, 1)
        assert found(member_b) == ([], 0, 0)
        # B is still on the primary, which the restore did not touch.
        assert primary.query(
            f"SELECT name FROM res_partner WHERE id = {member_b[0]}"
        ) == [("Membre B",)]

        broken, checked = backup.verify_chains(DB, db_port=restored.port)
        assert broken == []
        assert "1 till orders in the chain" in checked, checked
        print(f"point-in-time recovery: {timings}; {checked}")
    finally:
        for cluster in (restored, primary):
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
