#!/usr/bin/env python3
"""Set-up, run and test the coop addons against an Odoo 18.0 source tree.

Called by the Makefile (``make run``, ``make test``) with the project's venv
python. It never imports Odoo itself: Odoo runs as ``$ODOO_SRC/odoo-bin`` in
subprocesses, so this file also works when ``ODOO_SRC`` is wrong (and says so).

Environment:
    ODOO_SRC      Odoo 18.0 source tree (default /opt/odoo)
    DB_HOST       PostgreSQL host (default 127.0.0.1)
    DB_PORT       PostgreSQL port (default 5432)
    DB_USER       PostgreSQL role (default: the current user; Odoo refuses "postgres")
    DB_PASSWORD   PostgreSQL password (default empty: trust or .pgpass)
    COOP_DATA_DIR Odoo data dir, filestores of all databases
                  (default ~/.local/share/coop-odoo, shared by clones so that
                  cached templates keep their filestore)
"""

import argparse
import ast
import contextlib
import datetime
import getpass
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import zoneinfo
from pathlib import Path

import psycopg2
from check_odoo import ODOO_SRC, check_odoo
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"
OUR_ADDONS = sorted(p.parent.name for p in ADDONS_DIR.glob("*/__manifest__.py"))
DEMO_DB = "coop_demo"
TEST_DB = "coop_test"
TEMPLATE_PREFIX = "coop_tmpl_"
VANILLA_PREFIX = "coop_vanilla_"
TEMPLATES_KEPT = 3
# Bump when the way the template is built changes (not the addons: they are hashed).
BUILD_RECIPE_VERSION = "2"

DB_HOST = os.environ.get("DB_HOST", "127.0.0.1")
DB_PORT = os.environ.get("DB_PORT", "5432")
DB_USER = os.environ.get("DB_USER") or getpass.getuser()
DB_PASSWORD = os.environ.get("DB_PASSWORD", "")
DATA_DIR = Path(
    os.environ.get("COOP_DATA_DIR") or Path.home() / ".local/share/coop-odoo"
)
LOG_DIR = ROOT / ".odoo"
# The venv holds wkhtmltopdf (patched Qt, see requirements/odoo.txt) and
# tools/bin the Chromium the tours start (outside hosts fail at once, see
# tools/bin/google-chrome): Odoo looks for both on PATH, in every process
# started from here (server, tests, builds).
os.environ["PATH"] = os.pathsep.join(
    [
        str(Path(__file__).resolve().parent / "bin"),
        str(Path(sys.executable).parent),
        os.environ.get("PATH", ""),
    ]
)


def say(msg):
    print(f"[coop] {msg}", flush=True)


def die(msg, code=2):
    print(f"[coop] ERROR: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


# --------------------------------------------------------------------------
# Odoo source and database helpers
# --------------------------------------------------------------------------


def oca_addons_dirs():
    """Where pip put the OCA addons of requirements/oca.txt (wheels whose
    modules live in site-packages/odoo/addons)."""
    return sorted((ROOT / ".venv" / "lib").glob("python3*/site-packages/odoo/addons"))


def addons_path():
    return ",".join(
        [
            str(ODOO_SRC / "addons"),
            str(ODOO_SRC / "odoo" / "addons"),
            *map(str, oca_addons_dirs()),
            str(ADDONS_DIR),
        ]
    )


def odoo_db_args():
    args = [f"--db_host={DB_HOST}", f"--db_port={DB_PORT}", f"--db_user={DB_USER}"]
    if DB_PASSWORD:
        args.append(f"--db_password={DB_PASSWORD}")
    return args


def run_python_module(module, *args, timeout):
    """``python -m module args`` from the repository with Odoo importable, as
    the tests run the bench scripts; its output is captured."""
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ODOO_SRC)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def odoo_cmd(config, *extra):
    return [
        sys.executable,
        str(ODOO_SRC / "odoo-bin"),
        f"--config={ROOT / 'config' / config}",
        f"--addons-path={addons_path()}",
        f"--data-dir={DATA_DIR}",
        *odoo_db_args(),
        *extra,
    ]


def free_ports(count):
    """``count`` distinct free ports (bound together, so none repeats)."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def connect(dbname="postgres"):
    try:
        conn = psycopg2.connect(
            dbname=dbname,
            host=DB_HOST,
            port=DB_PORT,
            user=DB_USER,
            password=DB_PASSWORD or None,
        )
    except psycopg2.OperationalError as exc:
        die(
            f"cannot reach PostgreSQL at {DB_HOST}:{DB_PORT} as {DB_USER!r}: {exc}"
            "Start it, or set DB_HOST / DB_PORT / DB_USER / DB_PASSWORD."
        )
    conn.autocommit = True
    return conn


def db_exists(name):
    with connect() as conn, conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return bool(cr.fetchone())


def close_connections(name):
    """End every session on database ``name`` (a running server's, a
    forgotten shell's): dropping or renaming it needs it alone."""
    conn = connect()
    with conn.cursor() as cr:
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
    conn.close()


def drop_db(name, data_dir=None):
    close_connections(name)
    run_ddl("DROP DATABASE IF EXISTS {}", name)
    shutil.rmtree(Path(data_dir or DATA_DIR) / "filestore" / name, ignore_errors=True)


def run_ddl(statement, *names):
    """Run a database-level statement (outside a transaction) on ``names``."""
    conn = connect()
    with conn.cursor() as cr:
        cr.execute(sql.SQL(statement).format(*map(sql.Identifier, names)))
    conn.close()


def copy_db(source, target):
    """Create ``target`` as a copy of ``source``, filestore included."""
    drop_db(target)
    run_ddl("CREATE DATABASE {} TEMPLATE {}", target, source)
    src_fs = DATA_DIR / "filestore" / source
    if src_fs.is_dir():
        # Attachments are content-addressed and never modified in place: hard
        # links make the copy instant and cost no disk.
        subprocess.run(
            ["cp", "-al", str(src_fs), str(DATA_DIR / "filestore" / target)],
            check=True,
        )


def rename_db(source, target, data_dir=None):
    """Rename ``source``, filestore included; the connections to it (a
    running server's) are closed first."""
    close_connections(source)
    run_ddl("ALTER DATABASE {} RENAME TO {}", source, target)
    filestore = Path(data_dir or DATA_DIR) / "filestore"
    if (filestore / source).is_dir():
        (filestore / source).rename(filestore / target)


def list_templates(prefix=TEMPLATE_PREFIX):
    with connect() as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            [prefix + "%"],
        )
        return [row[0] for row in cr.fetchall()]


# --------------------------------------------------------------------------
# The cached template: four addons, French, demo data, French company
# --------------------------------------------------------------------------


def addons_key():
    """Hash of the code that decides what our addons install: the addons'
    files (not their Python tests), the build recipe and Odoo."""
    digest = hashlib.sha1()
    digest.update(BUILD_RECIPE_VERSION.encode())
    digest.update((ODOO_SRC / "odoo" / "release.py").read_bytes())
    digest.update((ROOT / "tools" / "setup_company.py").read_bytes())
    # The OCA addons ours depend on, by version.
    digest.update((ROOT / "requirements" / "oca.txt").read_bytes())
    for path in sorted(ADDONS_DIR.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        # Python tests are not installed: editing them needs no new template.
        if path.relative_to(ADDONS_DIR).parts[1:2] == ("tests",):
            continue
        digest.update(str(path.relative_to(ADDONS_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template_key():
    """Hash of everything that decides the demo template's content: the
    addons (``addons_key``) and the day. The demo is dated from the day it
    is built (today's pickup, the cycle that closes on Wednesday): a
    template is never used on another day than the one it describes."""
    digest = hashlib.sha1(addons_key().encode())
    # The machine's day and Lille's (the demo's handover is Lille's today).
    digest.update(datetime.date.today().isoformat().encode())
    lille = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")).date()
    digest.update(lille.isoformat().encode())
    return digest.hexdigest()[:16]


def run_odoo(cmd, logfile, what):
    say(f"{what} (log: {logfile.relative_to(ROOT)})")
    start = time.monotonic()
    with open(logfile, "a") as log:
        proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, check=False)
    say(f"  done in {time.monotonic() - start:.0f} s")
    if proc.returncode:
        print(Path(logfile).read_text()[-6000:], file=sys.stderr)
        die(f"{what} failed (exit {proc.returncode}), see {logfile}")


def odoo_dependencies():
    """Odoo modules our addons depend on (their own dependencies follow)."""
    deps = set()
    for addon in OUR_ADDONS:
        manifest = ast.literal_eval(
            (ADDONS_DIR / addon / "__manifest__.py").read_text()
        )
        deps.update(manifest.get("depends", []))
    return sorted(deps - set(OUR_ADDONS))


def vanilla_key():
    """Hash of what decides the vanilla twin: Odoo, the company set-up and
    the Odoo modules our addons depend on (not our addons)."""
    digest = hashlib.sha1()
    digest.update(BUILD_RECIPE_VERSION.encode())
    digest.update((ODOO_SRC / "odoo" / "release.py").read_bytes())
    digest.update((ROOT / "tools" / "setup_company.py").read_bytes())
    digest.update(",".join(odoo_dependencies()).encode())
    digest.update((ROOT / "requirements" / "oca.txt").read_bytes())
    return digest.hexdigest()[:16]


def build_vanilla(name, logfile):
    """Build ``name``: the French company with the Odoo modules our addons
    depend on, without any demo data and without our addons. The first
    steps of the template, and the twin that Odoo's own tests are compared
    on (make test-odoo)."""
    # 1. base with French loaded: every module installed later gets its French terms.
    run_odoo(
        odoo_cmd(
            "build.conf",
            f"--database={name}",
            "--init=base",
            "--load-language=fr_FR",
            "--without-demo=all",
            "--stop-after-init",
        ),
        logfile,
        "creating the database with base and French",
    )
    # 2. The company must be French *before* account is installed, so that
    #    l10n_fr_account is auto-installed and the French chart is loaded.
    setup_company(name, logfile)
    # 3. account alone first: the chart is loaded when its registry finishes
    #    loading, and point_of_sale needs its bank journal.
    run_odoo(
        odoo_cmd(
            "build.conf",
            f"--database={name}",
            "--init=account",
            "--without-demo=all",
            "--stop-after-init",
        ),
        logfile,
        "installing account and the French chart of accounts",
    )
    # 4. The Odoo modules our addons need, without their demo data; and Odoo's
    #    demo payment provider (data, not demo), which the shop's tours pay with.
    run_odoo(
        odoo_cmd(
            "build.conf",
            f"--database={name}",
            f"--init={','.join([*odoo_dependencies(), 'payment_demo'])}",
            "--without-demo=all",
            "--stop-after-init",
        ),
        logfile,
        "installing the Odoo modules our addons depend on (without Odoo's demo)",
    )


def ensure_vanilla():
    """The cached vanilla twin (see build_vanilla), built when missing."""
    check_odoo()
    name = VANILLA_PREFIX + vanilla_key()
    if db_exists(name):
        return name
    say(f"vanilla twin {name} not found: building it")
    building = name + "_building"
    drop_db(building)
    LOG_DIR.mkdir(exist_ok=True)
    logfile = LOG_DIR / "build-vanilla.log"
    logfile.write_text("")
    build_vanilla(building, logfile)
    check_log(logfile, "installation log of the vanilla twin")
    rename_db(building, name)
    for stale in list_templates(VANILLA_PREFIX):
        if stale != name and not stale.endswith("_building"):
            drop_db(stale)
    return name


def build_template(name):
    """Build the template database ``name``.

    The demo is the coop's and nothing else: Odoo's modules are installed
    without their generic demo data (no furniture, no "Deco Addict", no other
    tills), then our addons with theirs. Built under a temporary name and
    renamed at the end, so that an interrupted build never leaves a half-built
    template behind.
    """
    building = name + "_building"
    drop_db(building)
    LOG_DIR.mkdir(exist_ok=True)
    logfile = LOG_DIR / "build.log"
    logfile.write_text("")
    # 1-4. The vanilla twin: French company, Odoo's modules, no demo.
    copy_db(ensure_vanilla(), building)
    # 5. Odoo loads a module's demo data only when its dependencies have theirs
    #    (Package.should_have_demo): mark them so, then install our addons with
    #    their demo data, the only demo of the database.
    with connect(building) as conn, conn.cursor() as cr:
        cr.execute("UPDATE ir_module_module SET demo = TRUE WHERE state = 'installed'")
    conn.close()
    run_odoo(
        odoo_cmd(
            "build.conf",
            f"--database={building}",
            f"--init={','.join(OUR_ADDONS)}",
            "--stop-after-init",
        ),
        logfile,
        f"installing {', '.join(OUR_ADDONS)} with their demo data",
    )
    check_log(logfile, "installation log")
    rename_db(building, name)


def shell_cmd(dbname, command="shell"):
    """``odoo-bin shell`` on ``dbname``: a script on its stdin runs with
    ``env`` (the set-up and preparation scripts of tools/). ``command``:
    another ``odoo-bin`` command taking the same options (``neutralize``)."""
    return [
        sys.executable,
        str(ODOO_SRC / "odoo-bin"),
        command,
        f"--config={ROOT / 'config' / 'build.conf'}",
        f"--addons-path={addons_path()}",
        f"--data-dir={DATA_DIR}",
        *odoo_db_args(),
        f"--database={dbname}",
        "--no-http",
    ]


def setup_company(dbname, logfile):
    cmd = shell_cmd(dbname)
    say("configuring the demo company (Épicerie coopérative, Lille)")
    with open(logfile, "a") as log, open(ROOT / "tools" / "setup_company.py") as stdin:
        proc = subprocess.run(
            cmd, stdin=stdin, stdout=log, stderr=subprocess.STDOUT, check=False
        )
    if proc.returncode or "COMPANY-SETUP-OK" not in logfile.read_text():
        print(logfile.read_text()[-6000:], file=sys.stderr)
        die(f"company set-up failed, see {logfile}")


def ensure_template():
    check_odoo()
    name = TEMPLATE_PREFIX + template_key()
    if db_exists(name):
        say(f"template {name} is up to date (cached)")
        return name
    say(f"template {name} not found: building it (a few minutes)")
    start = time.monotonic()
    build_template(name)
    say(f"template {name} built in {time.monotonic() - start:.0f} s")
    # Keep the newest few templates only (other branches may still use them).
    old = [t for t in list_templates() if t != name and not t.endswith("_building")]
    for stale in sorted(old, key=template_age)[: max(0, len(old) - TEMPLATES_KEPT + 1)]:
        say(f"dropping old template {stale}")
        drop_db(stale)
    return name


def template_age(name):
    """Sort key: older templates first (by their database OID)."""
    with connect() as conn, conn.cursor() as cr:
        cr.execute("SELECT oid FROM pg_database WHERE datname = %s", [name])
        row = cr.fetchone()
        return row[0] if row else 0


# --------------------------------------------------------------------------
# Log checking
# --------------------------------------------------------------------------


def log_is_clean(logfile, what, quiet_ok=False):
    """True when the log holds no WARNING/ERROR/CRITICAL record off the
    allow-list (checklog-odoo.cfg); otherwise prints the failing records."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "checklog_odoo",
            "--config",
            str(ROOT / "checklog-odoo.cfg"),
            "--no-echo",
            "--no-err-if-empty",
            str(logfile),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        # Only the records that fail the run are worth reading here.
        print(proc.stdout.split("errors that caused failure")[-1], file=sys.stderr)
        say(f"FAILED: the Odoo {what} holds unexpected warnings or errors ({logfile})")
        return False
    if not quiet_ok:
        say(f"{what}: no unexpected warning or error")
    return True


def check_log(logfile, what):
    if not log_is_clean(logfile, what):
        sys.exit(1)


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------


def cmd_clean(_args):
    """Drop the cached templates, bench and test databases (coop_demo is kept)."""
    for name in [
        *list_templates(),
        *list_templates(VANILLA_PREFIX),
        *list_templates("coop_bench_"),
        TEST_DB,
    ]:
        say(f"dropping {name}")
        drop_db(name)


def cmd_template(_args):
    print(ensure_template())


def cmd_run(args):
    template = ensure_template()
    if not db_exists(DEMO_DB):
        say(f"creating {DEMO_DB} from {template}")
        copy_db(template, DEMO_DB)
    else:
        say(f"{DEMO_DB} exists: updating our addons in it")
        subprocess.run(
            odoo_cmd(
                "dev.conf",
                f"--database={DEMO_DB}",
                f"--update={','.join(OUR_ADDONS)}",
                "--stop-after-init",
            ),
            check=True,
        )
    print(
        f"""
  Odoo serves {DEMO_DB} on http://localhost:{args.port}  (Ctrl+C to stop)
  Demo logins (login / password):
    administrator      admin / admin
    manager            gerante / gerante
    cashier (POS)      caisse / caisse     -> Point de Vente, "Caisse épicerie"
    producer           producteur / producteur  -> Mon espace producteur
    producer (2)       productrice / productrice
    member (portal)    membre / membre     -> /shop (Tarif B), /my/membership
  The network (coop_network):
    coordinator        coordination / coordination -> Réseau, figures per platform
    Arras member       arras / arras       -> LeCourtCircuit's shop (its website)
    Arras cashier      caisse-arras / caisse-arras -> Point de Vente, "Caisse Arras"
""",
        flush=True,
    )
    os.execv(
        sys.executable,
        odoo_cmd(
            "dev.conf",
            f"--database={DEMO_DB}",
            f"--db-filter=^{DEMO_DB}$",
            f"--http-port={args.port}",
        ),
    )


def check_browser():
    """Tours must run: fail now, with the fix, rather than skip later."""
    missing = []
    try:
        import websocket  # noqa: F401  (websocket-client, used by Odoo's tours)
    except ImportError:
        missing.append("the Python package websocket-client (make venv)")
    if not any(
        shutil.which(exe)
        for exe in (
            "google-chrome",
            "chromium",
            "chromium-browser",
            "google-chrome-stable",
        )
    ):
        missing.append("Chromium (apt-get install chromium)")
    if missing:
        die("browser tests cannot run, missing: " + "; ".join(missing), code=1)


def cmd_test(args):
    check_browser()
    database, logfile = TEST_DB, LOG_DIR / "test.log"
    if args.database:
        # Another database as it is (an upgraded one: tests/test_upgrade.py),
        # with its own log and port beside a test run that may be going on.
        database, logfile = args.database, LOG_DIR / f"test-{args.database}.log"
    else:
        template = ensure_template()
        say(f"creating {TEST_DB} from {template}")
        copy_db(template, TEST_DB)
    LOG_DIR.mkdir(exist_ok=True)
    logfile.write_text("")
    paths = args.paths or [
        *(str(ADDONS_DIR / a / "tests") for a in OUR_ADDONS),
        str(ROOT / "tests"),
    ]
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        f"--odoo-config={ROOT / 'config' / 'test.conf'}",
        f"--odoo-database={database}",
        f"--odoo-addons-path={addons_path()}",
        f"--odoo-extra=data-dir={DATA_DIR}",
        *(f"--odoo-extra={a[2:]}" for a in odoo_db_args()),
        f"--odoo-extra=logfile={logfile}",
        "--odoo-log-level=info",
        "--odoo-http",
        *([f"--odoo-extra=http-port={free_ports(1)[0]}"] if args.database else []),
        "-v",
        "-r",
        "fEs",
        # The slowest tests in every run's log: where the CI's time goes.
        "--durations=25",
        *args.pytest_args,
        *paths,
    ]
    env = dict(os.environ, PYTHONPATH=str(ODOO_SRC), PYTHONDONTWRITEBYTECODE="1")
    say("running the tests: " + " ".join(paths))
    rc = subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode
    # Silent when clean, so that pytest's summary stays the last line.
    log_ok = log_is_clean(logfile, "test log", quiet_ok=True)
    if rc or not log_ok:
        sys.exit(rc or 1)


# A moment of each weekday, at hours a build meets: just after midnight, in
# Lille's evening (after the Wednesday close), Saturday's pickup, Sunday
# night when Lille's day is already Monday's (UTC+1).
WEEKDAY_MOMENTS = [
    "2026-12-07 00:30:00",  # Monday
    "2026-12-08 09:00:00",  # Tuesday
    "2026-12-09 20:30:00",  # Wednesday, after the open cycle's 21:00 close
    "2026-12-10 12:00:00",  # Thursday
    "2026-12-11 16:45:00",  # Friday, during the pickup
    "2026-12-12 10:15:00",  # Saturday
    "2026-12-13 23:30:00",  # Sunday, Monday already in Lille
]
# Not dated by the demo: they start servers and bench databases of their own.
NOT_DATED = ("test_scale_out.py", "test_bench_smoke.py", "test_pos_load_queries.py")


def cmd_weekdays(args):
    """The test suite with the clock set to a moment of each weekday
    (libfaketime): the demo and every test hold whatever the day and hour
    of the build. Each moment builds its own template (the day is in its
    key)."""
    if not shutil.which("faketime"):
        die("faketime is missing: apt-get install faketime")
    paths = args.paths or [
        *(str(ADDONS_DIR / a / "tests") for a in OUR_ADDONS),
        *(
            str(path)
            for path in sorted((ROOT / "tests").glob("test_*.py"))
            if path.name not in NOT_DATED
        ),
    ]
    failed = []
    for moment in args.moments or WEEKDAY_MOMENTS:
        say(f"the suite at {moment} (UTC)")
        rc = subprocess.run(
            [
                "faketime",
                "-f",
                f"@{moment}",
                sys.executable,
                str(ROOT / "tools" / "coop.py"),
                "test",
                *paths,
            ],
            cwd=ROOT,
            check=False,
        ).returncode
        say(f"  {moment}: {'passed' if rc == 0 else 'FAILED'}")
        if rc:
            failed.append(moment)
    if failed:
        die(f"failed at {', '.join(failed)}", code=1)
    say("every weekday passed")


def cmd_i18n(args):
    """Export each addon's .pot from a fresh copy of the template, merge fr.po."""
    template = ensure_template()
    copy_db(template, TEST_DB)
    for addon in args.addons or OUR_ADDONS:
        i18n = ADDONS_DIR / addon / "i18n"
        i18n.mkdir(exist_ok=True)
        pot = i18n / f"{addon}.pot"
        subprocess.run(
            odoo_cmd(
                "build.conf",
                f"--database={TEST_DB}",
                f"--modules={addon}",
                f"--i18n-export={pot}",
                "--stop-after-init",
                "--log-level=warn",
            ),
            check=True,
        )
        po = i18n / "fr.po"
        if po.exists():
            subprocess.run(
                [
                    "msgmerge",
                    "--quiet",
                    "--no-fuzzy-matching",
                    "--update",
                    "--backup=none",
                    str(po),
                    str(pot),
                ],
                check=True,
            )
        else:
            subprocess.run(
                [
                    "msginit",
                    "--no-translator",
                    "--locale=fr",
                    f"--input={pot}",
                    f"--output-file={po}",
                ],
                check=True,
            )
        say(f"{addon}: {pot.relative_to(ROOT)} exported, fr.po merged")


def cmd_check_money(args):
    """The money checker on ``args.db`` (tools/check_money.py): exit 1 on any
    broken invariant."""
    if not db_exists(args.db):
        die(f"no database {args.db}")
    with open(ROOT / "tools" / "check_money.py") as stdin:
        proc = subprocess.run(
            shell_cmd(args.db),
            stdin=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
    lines = [
        line
        for line in proc.stdout.splitlines()
        if line.startswith(("BROKEN", "checked:", "MONEY-CHECK"))
    ]
    print("\n".join(lines), flush=True)
    if "MONEY-CHECK-OK" not in proc.stdout:
        if "MONEY-CHECK-FAILED" not in proc.stdout:
            print(proc.stderr[-4000:], file=sys.stderr)
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("clean", help="drop templates and the test database").set_defaults(
        func=cmd_clean
    )
    sub.add_parser("template", help="build or reuse the cached template").set_defaults(
        func=cmd_template
    )
    run = sub.add_parser("run", help="create coop_demo if needed and serve it")
    run.add_argument("--port", default=os.environ.get("HTTP_PORT", "8069"))
    run.set_defaults(func=cmd_run)
    test = sub.add_parser("test", help="run every test on a fresh copy of the template")
    test.add_argument("paths", nargs="*", help="test files or folders (default: all)")
    test.add_argument(
        "--database", help="run on this database as it is (no copy of the template)"
    )
    test.add_argument(
        "--pytest-args", nargs=argparse.REMAINDER, default=[], help="passed to pytest"
    )
    test.set_defaults(func=cmd_test)
    weekdays = sub.add_parser(
        "weekdays", help="the tests with the clock at a moment of each weekday"
    )
    weekdays.add_argument("paths", nargs="*", help="test files (default: all)")
    weekdays.add_argument(
        "--moment", dest="moments", action="append", help="a UTC moment instead"
    )
    weekdays.set_defaults(func=cmd_weekdays)
    i18n = sub.add_parser("i18n", help="export .pot files and merge fr.po")
    i18n.add_argument("addons", nargs="*")
    i18n.set_defaults(func=cmd_i18n)
    money = sub.add_parser(
        "check-money", help="check the money invariants of a database"
    )
    money.add_argument("--db", default=DEMO_DB)
    money.set_defaults(func=cmd_check_money)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
