"""Backup and restore of a coop database: the PostgreSQL dump and the
filestore (attachments, printed documents), with the digests of what must
survive unchanged: the share register, the solidarity fund, the till's
hash chain (l10n_fr_pos_cert) and the journals' inalterability hashes.

    backup(db, out_root)  -> a folder <db>-<stamp>/ with database.dump
                             (pg_dump custom format), filestore.tar.gz and
                             manifest.json (the digests)
    restore(folder, db)   -> the database created from it, its filestore in
                             place, and the digests checked against the
                             manifest (BackupError on any difference)

Used by ``make backup`` / ``make restore`` (tools/coop.py).
"""

import json
import os
import shutil
import subprocess
import tarfile
import time
from pathlib import Path

import coop
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
    result = {}
    conn = coop.connect(db)
    with conn.cursor() as cr:
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
    conn.close()
    return result


def backup(db, out_root, data_dir=None):
    """Dump ``db`` and its filestore into a new folder of ``out_root``."""
    data_dir = Path(data_dir or coop.DATA_DIR)
    if not coop.db_exists(db):
        raise BackupError(f"no database {db!r}")
    target = Path(out_root) / f"{db}-{time.strftime('%Y%m%d-%H%M%S')}"
    target.mkdir(parents=True)
    subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target / 'database.dump'}",
            db,
        ],
        env=_pg_env(),
        check=True,
    )
    filestore = data_dir / "filestore" / db
    with tarfile.open(target / "filestore.tar.gz", "w:gz") as tar:
        if filestore.is_dir():
            tar.add(filestore, arcname="filestore")
    manifest = {
        "database": db,
        "created": time.strftime("%Y-%m-%d %H:%M:%S"),
        "digests": digests(db),
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return target


def restore(folder, db, data_dir=None, force=False):
    """Create ``db`` from the backup ``folder``, filestore included, and
    check the digests; an existing ``db`` is replaced only with ``force``.
    Returns the restored database's digests."""
    folder, data_dir = Path(folder), Path(data_dir or coop.DATA_DIR)
    manifest = json.loads((folder / "manifest.json").read_text())
    if coop.db_exists(db):
        if not force:
            raise BackupError(f"database {db!r} exists: give another name, or force")
        coop.drop_db(db)
    shutil.rmtree(data_dir / "filestore" / db, ignore_errors=True)
    coop.run_ddl("CREATE DATABASE {} ENCODING 'unicode' TEMPLATE template0", db)
    subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            f"--dbname={db}",
            str(folder / "database.dump"),
        ],
        env=_pg_env(),
        check=True,
    )
    filestore = data_dir / "filestore" / db
    filestore.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "filestore.tar.gz") as tar:
        extract = data_dir / "filestore" / f".{db}.restoring"
        shutil.rmtree(extract, ignore_errors=True)
        tar.extractall(extract, filter="data")
        if (extract / "filestore").is_dir():
            (extract / "filestore").rename(filestore)
        shutil.rmtree(extract, ignore_errors=True)
    restored = digests(db)
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
    return restored
