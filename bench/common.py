"""What the bench's scripts share: the cached vanilla/ours databases, the
template copies, an Odoo environment in this process, the measuring and
the report (``python -m bench`` is its command line, ``bench/__main__.py``)."""

import contextlib
import functools
import hashlib
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import coop

from bench import datagen

RESULTS = ROOT / "bench" / "results"


def bench_key(size, seed, companies=1):
    digest = hashlib.sha1()
    digest.update(coop.addons_key().encode())
    digest.update(coop.vanilla_key().encode())
    digest.update(f"{size}:{seed}:{companies}".encode())
    digest.update((ROOT / "bench" / "datagen.py").read_bytes())
    return digest.hexdigest()[:12]


@functools.cache  # Odoo's configuration can be parsed once per process
def odoo_env_setup():
    """Import Odoo in this process, configured like the test run."""
    sys.path.insert(0, str(coop.ODOO_SRC))
    import odoo

    odoo.tools.config.parse_config(
        [
            f"--config={ROOT / 'config' / 'test.conf'}",
            f"--addons-path={coop.addons_path()}",
            f"--data-dir={coop.DATA_DIR}",
            "--log-level=warn",
            *coop.odoo_db_args(),
        ]
    )
    return odoo


def percentile(values, pct):
    """The ``pct`` percentile of ``values`` (nearest rank)."""
    values = sorted(values)
    return values[min(len(values) - 1, round(pct / 100 * (len(values) - 1)))]


def add_template_argument(parser):
    """``--template`` of the ours-only scripts that work on a copy of a
    database with our addons."""
    parser.add_argument(
        "--template",
        help="database to copy (default: the test template, built if needed)",
    )


def copy_template(args, name):
    """``name``: a fresh copy of ``--template`` (default: the test template)."""
    coop.copy_db(args.template or coop.ensure_template(), name)
    return name


@contextlib.contextmanager
def rolled_back_env(args, name, context=None):
    """The ours-only scripts' frame: a superuser environment on ``name``, a
    fresh copy of ``--template``, in one transaction rolled back at the end;
    the copy is dropped afterwards."""
    odoo_env_setup()
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    copy_template(args, name)
    with Registry(name).cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, context or {})
        cr.rollback()
    coop.drop_db(name)


def generate(odoo, dbname, size, seed, companies=1):
    from odoo.modules.registry import Registry

    with Registry(dbname).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        return datagen.generate(env, size, seed, companies)


def generate_ours(odoo, dbname, size, seed):
    from odoo.modules.registry import Registry

    with Registry(dbname).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        return datagen.generate_ours(env, size, seed)


def prepare_databases(size, seed, companies=1):
    """Return (vanilla, ours) database names, building them when not cached."""
    key = bench_key(size, seed, companies)
    vanilla, ours = f"coop_bench_vanilla_{key}", f"coop_bench_ours_{key}"
    if coop.db_exists(vanilla) and coop.db_exists(ours):
        coop.say(f"bench databases {vanilla} / {ours} are cached")
        return vanilla, ours
    building = f"coop_bench_{key}_building"
    coop.LOG_DIR.mkdir(exist_ok=True)
    log = coop.LOG_DIR / "bench-build.log"
    log.write_text("")
    # Vanilla: the template's first steps (French company, French chart,
    # every Odoo module our addons depend on, no demo), cached by coop.py.
    coop.copy_db(coop.ensure_vanilla(), building)
    # Generate once, then copy: both sides hold byte-identical data, and the
    # generation (minutes at the full size) is paid once.
    odoo = odoo_env_setup()
    start = time.monotonic()
    summary = generate(odoo, building, size, seed, companies)
    coop.say(f"bench: data generated in {time.monotonic() - start:.0f} s: {summary}")
    odoo.sql_db.close_all()
    ours_building = f"coop_bench_{key}_ours_building"
    coop.copy_db(building, ours_building)
    coop.run_odoo(
        coop.odoo_cmd(
            "build.conf",
            f"--database={ours_building}",
            f"--init={','.join(coop.OUR_ADDONS)}",
            "--without-demo=all",
            "--stop-after-init",
        ),
        log,
        "bench: installing our addons on a copy",
    )
    summary = generate_ours(odoo, ours_building, size, seed)
    coop.say(f"bench: data of our addons generated: {summary}")
    odoo.sql_db.close_all()
    for old, new in ((building, vanilla), (ours_building, ours)):
        coop.drop_db(new)
        coop.rename_db(old, new)
    return vanilla, ours


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------


def measure(env, func, size):
    """Wall time, SQL queries (Odoo's cursor counter) and info of one run."""
    env.invalidate_all()
    env.cr.sql_log_count = 0
    start = time.perf_counter()
    info = func(env, size)
    env.flush_all()
    seconds = time.perf_counter() - start
    return seconds, env.cr.sql_log_count, info


def measure_in_process(odoo, dbname, func, size):
    from odoo.modules.registry import Registry

    with Registry(dbname).cursor() as cr:
        # As the administrator, not the superuser: access checks are measured too.
        admin = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}).ref("base.user_admin")
        result = measure(odoo.api.Environment(cr, admin.id, {}), func, size)
        cr.rollback()  # every run sees the same data
    return result


class Server:
    """An Odoo HTTP server on one database, for the HTTP scenarios."""

    def __init__(self, dbname):
        self.dbname = dbname
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.log = coop.LOG_DIR / f"bench-{dbname}.log"
        self.log.write_text("")
        self.proc = subprocess.Popen(
            coop.odoo_cmd(
                "test.conf",
                f"--database={dbname}",
                f"--db-filter=^{dbname}$",
                f"--http-port={self.port}",
                f"--logfile={self.log}",
                "--log-level=info",
                "--workers=0",
                "--max-cron-threads=0",
            )
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait(self):
        import requests

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                requests.get(f"{self.url}/web/health", timeout=5)
                return
            except requests.RequestException:
                time.sleep(0.5)
        raise RuntimeError(f"Odoo on {self.dbname} did not start")

    def query_count(self, tag):
        """The SQL query count of the request tagged ``tag``, from the log."""
        for _attempt in range(50):
            for line in self.log.read_text().splitlines():
                if f"bench={tag} " in line and "werkzeug" in line:
                    return int(line.split()[-3])
            time.sleep(0.1)
        raise RuntimeError(f"no log line for request {tag} on {self.dbname}")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def run_scenario(name, sides, runs, size, odoo):
    """Alternate the sides run by run; return the per-side samples."""
    samples = {side: [] for side in sides}
    order = list(sides)
    for run in range(-1, runs):  # run -1 is the warm-up, not recorded
        for side in order:
            seconds, queries, info = sides[side](f"{name}-{side}-{run}")
            if run >= 0:
                samples[side].append({"seconds": seconds, "queries": queries})
        order.reverse()  # A B, B A, A B...: neither side always goes first
    return samples, info


def summarize(name, samples):
    vanilla, ours = samples.get("vanilla"), samples["ours"]
    ratios = (
        [o["seconds"] / v["seconds"] for o, v in zip(ours, vanilla, strict=True)]
        if vanilla
        else None
    )

    def side(values):
        secs = [v["seconds"] for v in values]
        return {
            "median_s": statistics.median(secs),
            "min_s": min(secs),
            "max_s": max(secs),
            "queries": statistics.median(v["queries"] for v in values),
        }

    if not vanilla:  # a feature vanilla Odoo does not have: ours alone
        return {
            "scenario": name,
            "vanilla": None,
            "ours": side(ours),
            "ratio_median": None,
            "query_ratio": None,
        }
    return {
        "scenario": name,
        "vanilla": side(vanilla),
        "ours": side(ours),
        "ratio_median": statistics.median(ratios),
        "query_ratio": (side(ours)["queries"] / side(vanilla)["queries"])
        if side(vanilla)["queries"]
        else None,
    }


def _timing(side):
    return (
        f"{side['median_s'] * 1000:.1f} ms "
        f"({side['min_s'] * 1000:.0f}-{side['max_s'] * 1000:.0f})"
    )


def print_table(rows):
    header = (
        f"{'scenario':<16} {'vanilla median (min-max)':>28}"
        f" {'ours median (min-max)':>28} {'ratio':>6} {'queries v/o':>12}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        if row["vanilla"] is None:
            print(
                f"{row['scenario']:<16} {'(ours only)':>28}"
                f" {_timing(row['ours']):>28} {'-':>6}"
                f" {'-':>5}/{row['ours']['queries']:<5.0f}"
            )
            continue
        print(
            f"{row['scenario']:<16}"
            f" {_timing(row['vanilla']):>28}"
            f" {_timing(row['ours']):>28}"
            f" {row['ratio_median']:>6.2f}"
            f" {row['vanilla']['queries']:>5.0f}/{row['ours']['queries']:<5.0f}"
        )
