"""Scale-out on one machine: a PostgreSQL replica, two Odoo nodes, nginx.

    PYTHONPATH=$ODOO_SRC .venv/bin/python -m bench.scale_out \\
        [--tiny] [--members 50] [--capacity 40] [--clients 8] [--requests 25]
        [--workers 2] [--no-compare]

What ``docker/production/`` deploys, started here from what the machine has:

1. a copy of the test template with ``members`` portal members, each with a
   cart of the demo's open cycle at the coop pickup, and pickup slots of
   ``capacity`` places (``bench.checkout_http.setup``);
2. a streaming replica of the local PostgreSQL: ``pg_basebackup -R`` into a
   temporary directory, started on a free port as a hot standby with
   ``pg_stat_statements``. The local server must accept a replication
   connection from 127.0.0.1: if it does not, a ``trust`` line is added to
   its ``pg_hba.conf`` for the run and removed at the end;
3. two Odoo nodes with ``--workers`` processes each, their own HTTP and
   gevent ports, one data dir (filestore and sessions), ``db_replica_*``
   pointing at the replica, no job thread;
4. nginx with ``docker/production/nginx.conf``, its upstreams pointed at the
   two nodes.

Then, through nginx, it proves and measures:

- a member's session (logged in through nginx) is valid on each node;
- the shop (``/shop``, a product page, a producer's products), ``clients`` members
  at once, ``requests`` each: served by the replica (its statement counters
  move), not by the primary (its transaction count on the database stays);
- the checkout of the members at once (slot step → payment page): the
  orders are written on the primary, never more than the slot's places,
  and the replica shows them once it has replayed;
- no node logged an error or "retrying with a read/write cursor".

Without ``--no-compare`` (and not ``--tiny``), the same shop and checkout run
first on one node with ``workers = 0`` and no replica, behind the same nginx:
requests/s, p50 and p95 of each layout.

Everything it started is stopped (nginx, the nodes, the replica), its files
removed, the ``pg_hba.conf`` line taken out and the database dropped. The
exit status is 0 only when every piece of evidence holds.
"""

import argparse
import contextlib
import json
import os
import pwd
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import psycopg2
import requests

from bench import checkout_http
from bench.common import (
    ROOT,
    add_template_argument,
    coop,
    copy_template,
    odoo_env_setup,
    percentile,
)

BENCH_DB = "coop_bench_scale_out"
HBA_MARK = "# bench.scale_out: replication for the replica it starts"
RETRY_WARNING = "retrying with a read/write cursor"
SERIALIZATION = "could not serialize access due to concurrent update"
# PostgreSQL (15) writes an idle backend's statistics at most 10 s late.
STATS_DELAY = 11


class EvidenceError(SystemExit):
    pass


def check(condition, message):
    print(("  ok  " if condition else "  FAIL ") + message, flush=True)
    if not condition:
        raise EvidenceError(f"scale-out evidence failed: {message}")


def query(conn, sql, params=()):
    with conn.cursor() as cr:
        cr.execute(sql, params)
        return cr.fetchall()


# --- the replica -------------------------------------------------------------


def pg_bin(name, conn):
    """The server's own ``name`` (Debian keeps pg_ctl out of the PATH)."""
    major = query(conn, "SHOW server_version_num")[0][0][:2]
    for folder in (Path(f"/usr/lib/postgresql/{major}/bin"),):
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} of PostgreSQL {major} not found")
    return found


def as_postgres_owner():
    """PostgreSQL refuses to run as root: run as its system user then."""
    if os.geteuid() != 0:
        return [], None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise SystemExit("run as a non-root user (PostgreSQL refuses root)") from None
    return ["runuser", "-u", "postgres", "--"], user


@contextlib.contextmanager
def replication_allowed(conn):
    """The local server accepts a replication connection from 127.0.0.1 for
    the run (a ``trust`` line in its pg_hba.conf if it has none)."""
    rules = query(
        conn,
        "SELECT count(*) FROM pg_hba_file_rules"
        " WHERE 'replication' = ANY(database) AND type = 'host'",
    )[0][0]
    if rules:
        yield
        return
    hba = Path(query(conn, "SHOW hba_file")[0][0])
    if not os.access(hba, os.W_OK):
        raise SystemExit(
            f"PostgreSQL accepts no replication connection: add to {hba}\n"
            "  host replication all 127.0.0.1/32 trust"
        )
    original = hba.read_text()
    hba.write_text(original + f"host replication all 127.0.0.1/32 trust {HBA_MARK}\n")
    query(conn, "SELECT pg_reload_conf()")
    time.sleep(0.5)
    try:
        yield
    finally:
        lines = hba.read_text().splitlines(keepends=True)
        hba.write_text("".join(line for line in lines if HBA_MARK not in line))
        query(conn, "SELECT pg_reload_conf()")


@contextlib.contextmanager
def replica(conn, workdir):
    """A hot standby of the local server on a free port; yields its port."""
    prefix, owner = as_postgres_owner()
    data = workdir / "replica"
    socket_dir = workdir / "replica-socket"
    for folder in (data, socket_dir):
        folder.mkdir(mode=0o700)
        if owner:
            os.chown(folder, owner.pw_uid, owner.pw_gid)
    port = coop.free_ports(1)[0]
    start = time.perf_counter()
    subprocess.run(
        [
            *prefix,
            pg_bin("pg_basebackup", conn),
            f"--host={coop.DB_HOST}",
            f"--port={coop.DB_PORT}",
            f"--username={coop.DB_USER}",
            f"--pgdata={data}",
            "--wal-method=stream",
            "--write-recovery-conf",
            "--checkpoint=fast",
        ],
        check=True,
    )
    copied = time.perf_counter() - start
    # Debian keeps the configuration out of the data directory: the
    # standby's own, with what a hot standby needs at least the primary's.
    settings = {
        name: query(conn, f"SHOW {name}")[0][0]
        for name in (
            "max_connections",
            "max_worker_processes",
            "max_prepared_transactions",
            "max_locks_per_transaction",
            "max_wal_senders",
        )
    }
    conf = {
        "listen_addresses": "'127.0.0.1'",
        "port": port,
        "unix_socket_directories": f"'{socket_dir}'",
        "hot_standby": "on",
        "shared_preload_libraries": "'pg_stat_statements'",
        "logging_collector": "off",
        **settings,
    }
    for name, content in (
        ("postgresql.conf", "".join(f"{k} = {v}\n" for k, v in conf.items())),
        ("pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\n"),
        ("pg_ident.conf", ""),
    ):
        (data / name).write_text(content)
        if owner:
            os.chown(data / name, owner.pw_uid, owner.pw_gid)
    pg_ctl = pg_bin("pg_ctl", conn)
    subprocess.run(
        [*prefix, pg_ctl, "start", "-w", "-D", str(data), "-l", str(data / "log")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"replica: pg_basebackup in {copied:.1f} s, hot standby on port {port}")
    try:
        yield port
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "stop", "-m", "fast", "-w", "-D", str(data)],
            check=False,
            stdout=subprocess.DEVNULL,
        )


def replica_conn(port):
    conn = psycopg2.connect(
        dbname=BENCH_DB, host="127.0.0.1", port=port, user=coop.DB_USER
    )
    conn.autocommit = True
    return conn


def wait_replayed(conn, replica_port):
    """Wait for the replica to replay everything the primary has written."""
    lsn = query(conn, "SELECT pg_current_wal_lsn()")[0][0]
    with contextlib.closing(replica_conn(replica_port)) as rconn:
        for _ in range(600):
            if query(rconn, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])[0][
                0
            ]:
                return
            time.sleep(0.1)
    raise EvidenceError("the replica did not catch up in 60 s")


# --- counters --------------------------------------------------------------


def primary_transactions(conn):
    """Transactions of the bench database on the primary, once the idle
    backends have written their statistics."""
    time.sleep(STATS_DELAY)
    query(conn, "SELECT pg_stat_clear_snapshot()")
    return dict(
        zip(
            ("transactions", "rows read", "rows written"),
            query(
                conn,
                "SELECT xact_commit + xact_rollback, tup_returned + tup_fetched,"
                " tup_inserted + tup_updated + tup_deleted"
                " FROM pg_stat_database WHERE datname = %s",
                [BENCH_DB],
            )[0],
            strict=True,
        )
    )


def replica_statements(port):
    """Statements the replica ran on the bench database (pg_stat_statements,
    counted at once), leaving this query out."""
    rconn = replica_conn(port)
    calls, shop = query(
        rconn,
        "SELECT coalesce(sum(calls), 0),"
        " coalesce(sum(calls) FILTER (WHERE query ILIKE %s), 0)"
        " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
        " WHERE d.datname = %s AND query NOT ILIKE %s",
        ["%product_template%", BENCH_DB, "%pg_stat_statements%"],
    )[0]
    rconn.close()
    return {"statements": int(calls), "on product_template": int(shop)}


def delta(after, before):
    return {key: after[key] - before[key] for key in after}


# --- nginx and the nodes -----------------------------------------------------


@contextlib.contextmanager
def nginx(workdir, http_nodes, websocket_nodes):
    """nginx with the production configuration, its upstreams pointed at
    ``http_nodes`` / ``websocket_nodes`` (ports); yields (url, access log)."""
    site = (ROOT / "docker" / "production" / "nginx.conf").read_text()
    port = coop.free_ports(1)[0]

    def upstream(name, ports):
        servers = "".join(f"    server 127.0.0.1:{p};\n" for p in ports)
        return f"upstream {name} {{\n{servers}}}"

    site, found = re.subn(
        r"upstream odoo_http \{[^}]*\}", upstream("odoo_http", http_nodes), site
    )
    site, found_ws = re.subn(
        r"upstream odoo_websocket \{[^}]*\}",
        upstream("odoo_websocket", websocket_nodes),
        site,
    )
    site, found_listen = re.subn(r"listen 80;", f"listen 127.0.0.1:{port};", site)
    if not found == found_ws == found_listen == 1:
        raise SystemExit("docker/production/nginx.conf: upstreams or listen moved")
    log = workdir / "nginx-access.log"
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"{user}worker_processes 1;\npid {workdir}/nginx.pid;\n"
        f"error_log {workdir}/nginx-error.log;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        "  log_format upstream '$request_uri $status $upstream_addr';\n"
        f"  access_log {log} upstream;\n"
        f"  client_body_temp_path {workdir}/nginx-body;\n"
        f"  proxy_temp_path {workdir}/nginx-proxy;\n"
        f"{site}\n}}\n"
    )
    nginx_bin = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen(
        [nginx_bin, "-p", str(workdir), "-c", str(conf), "-g", "daemon off;"]
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(50):
            if process.poll() is not None:
                raise SystemExit(f"nginx did not start (see {conf})")
            with contextlib.suppress(requests.RequestException):
                requests.get(f"{url}/web/login", timeout=30)
                break
            time.sleep(0.2)
        yield url, log
    finally:
        process.terminate()
        process.wait(30)


@contextlib.contextmanager
def nodes(workdir, count, workers, stats, replica_port=None):
    """``count`` Odoo nodes on the bench database, one data dir; yields
    their (http port, gevent port, url) and checks their logs at the end:
    no error, no read/write retry; ``stats`` gets the number of requests
    Odoo retried after a serialization conflict."""
    started, logs = [], []
    try:
        for index in range(count):
            http_port, gevent_port = coop.free_ports(2)
            extra = [f"--gevent-port={gevent_port}", "--proxy-mode"]
            if replica_port:
                extra += [
                    "--db_replica_host=127.0.0.1",
                    f"--db_replica_port={replica_port}",
                ]
            log = workdir / f"node-{count}x{workers}-{index + 1}.log"
            with log.open("wb") as stderr:
                process, url = checkout_http.start_server(
                    http_port, workers, BENCH_DB, extra, stderr=stderr
                )
            started.append((process, http_port, gevent_port, url))
            logs.append(log)
        yield [(http, gevent, url) for _, http, gevent, url in started]
    finally:
        for process, *_ in started:
            process.terminate()
        for process, *_ in started:
            process.wait(60)
    text = "".join(log.read_text(errors="replace") for log in logs)
    check(RETRY_WARNING not in text, f"no node logged '{RETRY_WARNING}'")
    lines = text.splitlines()
    problems, conflicts = [], 0
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if " ERROR " in line or " CRITICAL " in line:
            # Odoo logs the statement that lost a race, then retries the
            # request: counted, not an error.
            if SERIALIZATION in following:
                conflicts += 1
            else:
                problems.append(line)
    check(not problems, f"no node logged an error {problems[:3]}")
    stats["conflicts retried"] = conflicts


# --- the loads ----------------------------------------------------------------


def shop_load(url, sessions, paths, per_client):
    """Each session GETs ``paths`` in turn, ``per_client`` times, all at
    once; returns requests/s, p50, p95 (ms) and the errors."""
    barrier = threading.Barrier(len(sessions))

    def client(session):
        barrier.wait()
        results = []
        for index in range(per_client):
            start = time.perf_counter()
            response = session.get(url + paths[index % len(paths)], timeout=600)
            results.append(((time.perf_counter() - start) * 1000, response.status_code))
        return results

    start = time.perf_counter()
    with ThreadPoolExecutor(len(sessions)) as pool:
        results = [r for rs in pool.map(client, sessions) for r in rs]
    wall = time.perf_counter() - start
    latencies = [latency for latency, _ in results]
    return {
        "requests": len(results),
        "errors": sum(1 for _, status in results if status != 200),
        "req/s": round(len(results) / wall, 1),
        "p50 ms": round(statistics.median(latencies)),
        "p95 ms": round(percentile(latencies, 95)),
    }


def checkout_load(url, sessions, slot_id):
    """Every member books ``slot_id`` at once (slot step → payment page)."""
    outcomes, latencies = checkout_http.run(
        sessions, checkout_http.WithSlots(url, slot_id)
    )
    return {
        "members": len(sessions),
        "payment page": outcomes.count("payment"),
        "slot full": outcomes.count("refused"),
        "errors": len(sessions) - outcomes.count("payment") - outcomes.count("refused"),
        "p50 ms": round(statistics.median(latencies)),
        "p95 ms": round(percentile(latencies, 95)),
    }


def login_all(url, logins):
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(lambda login: checkout_http.login(url, login), logins))


def signed_in_as(url, session):
    """The name the member's portal page greets, or None when the session
    is not valid there (sent to the login page)."""
    response = session.get(f"{url}/my/wallet", allow_redirects=False, timeout=60)
    if response.status_code != 200:
        return None
    found = re.search(r"Membre checkout \d+", response.text)
    return found and found.group(0)


def slot_bookings(slot_id, replica_port=None):
    """(places taken, capacity, orders holding the slot) on the primary, or
    on the replica."""
    conn = replica_conn(replica_port) if replica_port else coop.connect(BENCH_DB)
    with contextlib.closing(conn):
        return query(
            conn,
            "SELECT count(DISTINCT o.coop_slot_place), s.capacity, count(o.id)"
            " FROM coop_slot s"
            " LEFT JOIN sale_order o ON o.coop_slot_id = s.id"
            " WHERE s.id = %s GROUP BY s.id",
            [slot_id],
        )[0]


# --- setup and the runs -------------------------------------------------------


def prepare(args, groups):
    """The bench database: ``groups`` sets of members, each with its slot
    and carts at the coop pickup; returns what the runs need."""
    odoo_env_setup()
    from odoo import SUPERUSER_ID, api, sql_db
    from odoo.modules.registry import Registry

    copy_template(args, BENCH_DB)
    with Registry(BENCH_DB).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        data = checkout_http.setup(env, args.members * groups, args.capacity)
        slot = data["slot"]
        slots = slot | slot.copy(
            {
                "start_datetime": slot.start_datetime + timedelta(hours=3),
                "end_datetime": slot.end_datetime + timedelta(hours=3),
            }
        )
        for cart in data["carts"]:
            cart.set_delivery_line(data["pickup"], 0.0)
            cart._coop_set_pickup_point(data["point"])
        product = data["carts"][:1].order_line[:1].product_id.product_tmpl_id
        prepared = {
            "paths": [
                "/shop",
                f"/shop/{env['ir.http']._slug(product)}",
                f"/shop?producer={product.coop_producer_id.id}",
            ],
            "groups": [
                {
                    "logins": data["users"][i::groups].mapped("login"),
                    "slot": slot.id,
                }
                for i, slot in enumerate(slots)
            ],
        }
        cr.commit()
        cr.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        cr.commit()
    Registry.delete(BENCH_DB)
    sql_db.close_db(BENCH_DB)
    return prepared


def run_layout(name, url, group, paths, args):
    sessions = login_all(url, group["logins"])
    shop = shop_load(url, sessions[: args.clients], paths, args.requests)
    checkout = checkout_load(url, sessions, group["slot"])
    print(f"{name}: shop {shop}", flush=True)
    print(f"{name}: checkout {checkout}", flush=True)
    return shop, checkout


def one_node(args, workdir, prepared):
    stats = {}
    with (
        nodes(workdir, 1, 0, stats) as [(http, gevent, _url)],
        nginx(workdir, [http], [gevent]) as (url, _log),
    ):
        shop, checkout = run_layout(
            "one node, workers = 0",
            url,
            prepared["groups"][1],
            prepared["paths"],
            args,
        )
    booked, capacity, holding = slot_bookings(prepared["groups"][1]["slot"])
    check(
        booked <= capacity and booked == holding,
        f"one node: {booked} booked / {capacity}",
    )
    print(f"  requests retried after a conflict: {stats}", flush=True)
    return {"shop": shop, "checkout": checkout, **stats}


def scaled_out(args, workdir, prepared, conn, replica_port):
    group, paths = prepared["groups"][0], prepared["paths"]
    evidence = {}
    with nodes(workdir, 2, args.workers, evidence, replica_port) as running:
        with nginx(workdir, [n[0] for n in running], [n[1] for n in running]) as (
            url,
            access_log,
        ):
            layout = f"two nodes x {args.workers} workers + replica"
            sessions = login_all(url, group["logins"])

            # A session opened through nginx is valid on each node.
            names = [signed_in_as(node_url, sessions[0]) for *_, node_url in running]
            check(
                names[0] and len(set(names)) == 1,
                f"a session opened through nginx is valid on both nodes {names}",
            )

            # The shop: the replica's counters move, the primary's stay.
            wait_replayed(conn, replica_port)
            primary_before = primary_transactions(conn)
            replica_before = replica_statements(replica_port)
            shop = shop_load(url, sessions[: args.clients], paths, args.requests)
            replica_moved = delta(replica_statements(replica_port), replica_before)
            primary_moved = delta(primary_transactions(conn), primary_before)
            print(f"{layout}: shop {shop}", flush=True)
            print(f"  replica during the shop: {replica_moved}", flush=True)
            print(f"  primary during the shop: {primary_moved}", flush=True)
            check(shop["errors"] == 0, f"the shop answered {shop['requests']} requests")
            check(
                replica_moved["on product_template"] >= shop["requests"],
                "the replica served the shop's queries"
                f" ({replica_moved['statements']} statements)",
            )
            check(
                primary_moved["transactions"] == 0,
                "the primary ran no transaction on the database for the shop",
            )

            # The checkout: orders on the primary, never above the places.
            before = primary_transactions(conn)
            checkout = checkout_load(url, sessions, group["slot"])
            written = delta(primary_transactions(conn), before)
            print(f"{layout}: checkout {checkout}", flush=True)
            print(f"  primary during the checkout: {written}", flush=True)
            booked, capacity, holding = slot_bookings(group["slot"])
            check(checkout["errors"] == 0, "no checkout ended on an error")
            check(
                booked == checkout["payment page"] == holding
                and booked == min(capacity, len(sessions)),
                f"the primary holds the orders: {booked} booked / {capacity} places,"
                f" {holding} orders in the slot",
            )
            check(written["rows written"] > 0, "the checkout wrote on the primary")
            wait_replayed(conn, replica_port)
            check(
                slot_bookings(group["slot"], replica_port)
                == (booked, capacity, holding),
                "the replica shows the same bookings once replayed",
            )
        served = re.findall(
            r"127\.0\.0\.1:(\d+)\s*$", access_log.read_text(), re.MULTILINE
        )
        per_node = {port: served.count(str(port)) for port, *_ in running}
        print(f"  requests per node (nginx): {per_node}", flush=True)
        check(all(per_node.values()), "nginx spread the requests on both nodes")
    print(f"  requests retried after a conflict: {evidence}", flush=True)
    evidence.update(shop=shop, checkout=checkout, per_node=per_node)
    return evidence


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="the evidence, fast (CI)")
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=40)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=25)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-compare", action="store_true")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument(
        "--keep", action="store_true", help="keep the logs and configurations"
    )
    add_template_argument(parser)
    args = parser.parse_args()
    if args.tiny:
        args.members, args.capacity, args.clients, args.requests = 4, 3, 2, 3
        args.no_compare = True
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        raise SystemExit("nginx is not installed (apt-get install nginx)")

    conn = coop.connect()
    workdir = Path(tempfile.mkdtemp(prefix="coop_scale_out_"))
    os.chmod(workdir, 0o755)
    figures = {}
    try:
        prepared = prepare(args, 1 if args.no_compare else 2)
        if not args.no_compare:
            figures["one node"] = one_node(args, workdir, prepared)
        with replication_allowed(conn), replica(conn, workdir) as replica_port:
            figures["scaled out"] = scaled_out(
                args, workdir, prepared, conn, replica_port
            )
    finally:
        if args.keep:
            print(f"logs and configurations kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
        coop.drop_db(BENCH_DB)
        conn.close()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    print("scale-out evidence: all checks passed", flush=True)


if __name__ == "__main__":
    main()
