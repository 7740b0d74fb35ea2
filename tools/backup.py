"""Backup and restore of a coop database: the PostgreSQL dump and the
filestore (attachments, printed documents), with the digests of what must
survive unchanged: the share register, the solidarity fund, the till's
hash chain (l10n_fr_pos_cert) and the journals' inalterability hashes.

    backup(db, out_root)  -> a folder <db>-<stamp>/ with database.dump
                             (pg_dump custom format), filestore.tar.gz and
                             manifest.json (the digests)
    restore(folder, db)   -> the database created from it, its filestore in
                             place, all checked before it takes the name
                             (BackupError on any difference, nothing left)

Used by ``make backup`` / ``make restore`` (its command line, below); it
uses tools/coop.py, which never imports it.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import time
from pathlib import Path

import coop
import psycopg2.extensions
from psycopg2 import sql

# (table, columns whose values must survive a restore bit for bit; None: the
# whole row). A table or column a database lacks is left out of both sides.
DIGESTS = [
    ("coop_share_movement", None),
    ("coop_solidarity_entry", None),
    ("pos_order", ["id", "name", "l10n_fr_secure_sequence_number", "l10n_fr_hash"]),
    ("account_move", ["id", "name", "inalterable_hash", "secure_sequence_number"]),
    ("res_partner", ["id", "name", "coop_member_number"]),
    ("ir_attachment", ["id", "store_fname", "checksum"]),
]


class BackupError(Exception):
    pass


def _pg_env():
    env = dict(os.environ)
    env.update(PGHOST=coop.DB_HOST, PGPORT=str(coop.DB_PORT), PGUSER=coop.DB_USER)
    if coop.DB_PASSWORD:
        env["PGPASSWORD"] = coop.DB_PASSWORD
    return env


def digests(db):
    """{table: {"count", "md5"}} of the rows that must survive a restore."""
    conn = coop.connect(db)
    try:
        with conn.cursor() as cr:
            return _digests(cr)
    finally:
        conn.close()


def _digests(cr):
    result = {}
    for table, wanted in DIGESTS:
        cr.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = 'public' AND table_name = %s",
            [table],
        )
        columns = {row[0] for row in cr.fetchall()}
        if not columns:
            continue
        if wanted is None:
            row = sql.SQL("t::text")
        else:
            row = sql.SQL("row({})::text").format(
                sql.SQL(", ").join(
                    sql.Identifier("t", column)
                    for column in wanted
                    if column in columns
                )
            )
        cr.execute(
            sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg({row}, '|'"
                " ORDER BY t.id), '')) FROM {table} t"
            ).format(row=row, table=sql.Identifier(table))
        )
        count, md5 = cr.fetchone()
        result[table] = {"count": count, "md5": md5}
    return result


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stored_files(cr):
    """{store_fname: checksum} of the attachments kept in the filestore."""
    cr.execute(
        "SELECT store_fname, max(checksum) FROM ir_attachment"
        " WHERE store_fname IS NOT NULL AND store_fname != ''"
        " GROUP BY store_fname ORDER BY store_fname"
    )
    return dict(cr.fetchall())


def _damaged_files(filestore, stored):
    """The attachments' files that are missing, or whose content is not
    what their checksum says (Odoo's checksum: the content's SHA-1)."""
    damaged = []
    for fname, checksum in stored.items():
        path = filestore / fname
        if not path.is_file():
            damaged.append(f"{fname} (missing)")
        elif checksum and hashlib.sha1(path.read_bytes()).hexdigest() != checksum:
            damaged.append(f"{fname} (differs from its checksum)")
    return damaged


def pg_dump_refusal(client_version, server_version_num):
    """Why this machine's ``pg_dump`` can't dump the server (a client older
    than the server refuses), or None. ``client_version``: what ``pg_dump
    --version`` prints; ``server_version_num``: the server's, e.g. 160004."""
    client = int(client_version.split()[-1].split(".")[0])
    server = int(server_version_num) // 10000
    if client >= server:
        return None
    return (
        f"pg_dump {client} cannot dump PostgreSQL {server}: install the"
        f" PostgreSQL {server} client tools (postgresql-client-{server}),"
        " or take the backup in the production layout's backup service"
    )


def _check_pg_dump(cr):
    cr.execute("SHOW server_version_num")
    server = cr.fetchone()[0]
    client = subprocess.run(
        ["pg_dump", "--version"], capture_output=True, text=True, check=True
    ).stdout
    refusal = pg_dump_refusal(client, server)
    if refusal:
        raise BackupError(refusal)


def _give_to_data_dir_owner(folder, data_dir):
    """Files restored as root into a data dir that Odoo runs as another
    user (the production volume: user odoo) belong to that user."""
    owner = (data_dir / "filestore").stat()
    if os.geteuid() != 0 or owner.st_uid == 0:
        return
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, owner.st_uid, owner.st_gid, follow_symlinks=False)


def backup(db, out_root, data_dir=None, while_dumping=None):
    """Dump ``db`` and its filestore into a new folder of ``out_root``.

    One snapshot: the digests, the list of attachments and the dump are read
    in the same transaction (``pg_dump --snapshot``), so a backup taken while
    the coop works (a till syncing, members ordering) restores.
    ``while_dumping``: called once the snapshot is taken (the tests write
    meanwhile, as the coop would)."""
    data_dir = Path(data_dir or coop.DATA_DIR)
    if not coop.db_exists(db):
        raise BackupError(f"no database {db!r}")
    target = Path(out_root) / f"{db}-{time.strftime('%Y%m%d-%H%M%S')}"
    target.mkdir(parents=True)
    conn = coop.connect(db)
    conn.autocommit = False  # the snapshot lives as long as this transaction
    conn.set_session(
        isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ,
        readonly=True,
    )
    try:
        with conn.cursor() as cr:
            _check_pg_dump(cr)
            cr.execute("SELECT pg_export_snapshot()")
            snapshot = cr.fetchone()[0]
            table_digests = _digests(cr)
            stored = _stored_files(cr)
            if while_dumping:
                while_dumping()
            subprocess.run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={target / 'database.dump'}",
                    db,
                ],
                env=_pg_env(),
                check=True,
            )
    finally:
        conn.rollback()
        conn.close()
    filestore = data_dir / "filestore" / db
    # Damage older than the backup is recorded, not copied: the backup
    # still saves everything else, and says what it could not.
    damaged = _damaged_files(filestore, stored)
    with tarfile.open(target / "filestore.tar.gz", "w:gz") as tar:
        for fname in stored:
            if not any(entry.startswith(f"{fname} ") for entry in damaged):
                tar.add(filestore / fname, arcname=f"filestore/{fname}")
    manifest = {
        "database": db,
        "created": time.strftime("%Y-%m-%d %H:%M:%S"),
        "digests": table_digests,
        "attachments": len(stored),
        "damaged_before_backup": damaged,
        "sha256": {
            name: _sha256(target / name)
            for name in ("database.dump", "filestore.tar.gz")
        },
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return target


def verify_chains(db, db_port=None):
    """The chains of ``db`` a French coop must show unbroken (the share
    register's numbering, the till's l10n_fr_pos_cert chain, the journals'
    inalterability hashes), checked by Odoo itself (tools/verify_chains.py
    in ``odoo-bin shell``). Returns (what is broken, what was checked)."""
    cmd = coop.shell_cmd(db)
    if db_port:
        cmd.append(f"--db_port={db_port}")
    with open(Path(__file__).with_name("verify_chains.py")) as stdin:
        done = subprocess.run(
            cmd, stdin=stdin, capture_output=True, text=True, check=False
        )
    lines = done.stdout.splitlines()
    if "CHAINS-OK" not in lines and "CHAINS-BROKEN" not in lines:
        reason = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise BackupError(f"the chains of {db} could not be checked: {reason}")
    broken = [
        line.removeprefix("BROKEN ") for line in lines if line.startswith("BROKEN ")
    ]
    checked = next((line for line in lines if line.startswith("checked:")), "")
    return broken, checked


def neutralize(db):
    """Odoo's own ``odoo-bin neutralize``: no mail goes out, no job runs,
    payment providers are disabled or in test mode, a banner says so."""
    done = subprocess.run(
        coop.shell_cmd(db, command="neutralize"),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        reason = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise BackupError(f"{db} could not be neutralized: {reason}")


def restore(
    folder, db, data_dir=None, force=False, neutralized=False, accept_broken=False
):
    """Create ``db`` from the backup ``folder``, filestore included, all or
    nothing: the backup's files are checked against the manifest, restored
    into a scratch database, verified there (per-table digests, each
    attachment against its checksum, the register, till and journal chains),
    and only then renamed into place. With ``force``, an existing ``db`` is
    kept under a dated name, never dropped. With ``neutralized``, the copy
    is neutralized before it takes the name (a copy to try things on). A
    refused restore leaves nothing behind (``BackupError`` says what
    differs). ``accept_broken``: a broken chain is reported, not refused (a
    copy for investigating it). Returns the restored database's digests and
    the chains' report."""
    folder, data_dir = Path(folder), Path(data_dir or coop.DATA_DIR)
    manifest = json.loads((folder / "manifest.json").read_text())
    if coop.db_exists(db) and not force:
        raise BackupError(f"database {db!r} exists: give another name, or force")
    for name, checksum in manifest.get("sha256", {}).items():
        if _sha256(folder / name) != checksum:
            raise BackupError(
                f"{name} differs from its checksum in the manifest (damaged or edited)"
            )
    scratch = f"{db}__restoring"
    coop.drop_db(scratch, data_dir)
    try:
        coop.run_ddl(
            "CREATE DATABASE {} ENCODING 'unicode' TEMPLATE template0", scratch
        )
        done = subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={scratch}",
                str(folder / "database.dump"),
            ],
            env=_pg_env(),
            capture_output=True,
            text=True,
            errors="replace",
            check=False,
        )
        if done.returncode:
            reason = (done.stderr.strip().splitlines() or ["?"])[-1]
            raise BackupError(f"database.dump cannot be restored: {reason}")
        filestore = data_dir / "filestore" / scratch
        filestore.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / "filestore.tar.gz") as tar:
            extract = data_dir / "filestore" / f".{scratch}.extract"
            shutil.rmtree(extract, ignore_errors=True)
            tar.extractall(extract, filter="data")
            if (extract / "filestore").is_dir():
                (extract / "filestore").rename(filestore)
            shutil.rmtree(extract, ignore_errors=True)
        if filestore.is_dir():
            _give_to_data_dir_owner(filestore, data_dir)
        conn = coop.connect(scratch)
        with conn.cursor() as cr:
            stored = _stored_files(cr)
            restored = _digests(cr)
        conn.close()
        known = set(manifest.get("damaged_before_backup", []))
        damaged = [d for d in _damaged_files(filestore, stored) if d not in known]
        if damaged:
            raise BackupError(f"filestore: {damaged[0]}")
        if restored != manifest["digests"]:
            differences = sorted(
                table
                for table in set(restored) | set(manifest["digests"])
                if restored.get(table) != manifest["digests"].get(table)
            )
            raise BackupError(
                f"{db} differs from the backup of {manifest['database']}:"
                f" {', '.join(differences)}"
            )
        broken, checked = verify_chains(scratch)
        if broken and not accept_broken:
            raise BackupError(f"broken chain in the backup: {broken[0]}")
        if neutralized:
            neutralize(scratch)
    except BaseException:
        coop.drop_db(scratch, data_dir)
        raise
    if coop.db_exists(db):
        coop.rename_db(
            db, f"{db}_before_restore_{time.strftime('%Y%m%d_%H%M%S')}", data_dir
        )
    coop.rename_db(scratch, db, data_dir)
    return restored, {"broken": broken, "checked": checked}


# --------------------------------------------------------------------------
# Command line (make backup, make restore)
# --------------------------------------------------------------------------


def cmd_backup(args):
    try:
        folder = backup(args.db, Path(args.out))
    except BackupError as exc:
        coop.die(str(exc))
    coop.say(
        f"{args.db} saved in {folder} (database.dump, filestore.tar.gz, manifest.json)"
    )
    manifest = json.loads((folder / "manifest.json").read_text())
    damaged = manifest["damaged_before_backup"]
    if damaged:
        coop.say(
            f"WARNING: {len(damaged)} attachment files were already damaged: {damaged}"
        )


def cmd_restore(args):
    try:
        restored, chains = restore(
            args.folder,
            args.db,
            force=args.force,
            neutralized=args.neutralize,
            accept_broken=args.accept_broken_chains,
        )
    except BackupError as exc:
        coop.die(str(exc))
    counts = ", ".join(f"{table} {d['count']}" for table, d in restored.items())
    coop.say(
        f"{args.db} restored from {args.folder}; register, fund, till chain,"
        f" journals and attachment files checked ({counts}); {chains['checked']};"
        " a database it replaced is kept as <name>_before_restore_<date>"
    )
    for line in chains["broken"]:
        coop.say(f"WARNING: kept although broken: {line}")
    if args.neutralize:
        coop.say(
            f"{args.db} is neutralized: no mail, no scheduled job,"
            " payments in test mode"
        )
    else:
        coop.say(
            f"{args.db} is NOT neutralized: it sends mail, runs the scheduled jobs"
            " and takes payments like the original (NEUTRALIZE=1 for a test copy)"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(required=True)
    bkp = sub.add_parser("backup", help="dump a database and its filestore")
    bkp.add_argument("--db", default=coop.DEMO_DB)
    bkp.add_argument("--out", default=str(coop.ROOT / "backups"))
    bkp.set_defaults(func=cmd_backup)
    rst = sub.add_parser("restore", help="restore a backup folder, checked")
    rst.add_argument("folder")
    rst.add_argument("--db", default=coop.DEMO_DB)
    rst.add_argument(
        "--force", action="store_true", help="replace an existing database"
    )
    rst.add_argument(
        "--neutralize",
        action="store_true",
        help="a test copy: no mail, no jobs, payment providers in test mode",
    )
    rst.add_argument(
        "--accept-broken-chains",
        action="store_true",
        help="restore a copy whose register, till or journal chain is broken",
    )
    rst.set_defaults(func=cmd_restore)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
