"""``make backup`` / ``make restore`` on the test database: a round trip
gives the same share register, fund, till hash chain, journals and
filestore; a restore that differs from its backup, or that would overwrite
a database, is refused."""

import json
import shutil
import sys
import tarfile
from pathlib import Path

import pytest

from odoo.tests.common import get_db_name
from odoo.tools import config

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import backup
import coop


@pytest.fixture
def restored_name():
    name = f"{get_db_name()}_restored"
    yield name
    coop.drop_db(name)
    shutil.rmtree(Path(config["data_dir"]) / "filestore" / name, ignore_errors=True)


def test_round_trip_keeps_register_fund_chain_and_files(tmp_path, restored_name):
    db, data_dir = get_db_name(), Path(config["data_dir"])
    folder = backup.backup(db, tmp_path, data_dir=data_dir)
    manifest = json.loads((folder / "manifest.json").read_text())
    before = manifest["digests"]
    # The demo has a register and a fund to keep.
    assert before["coop_share_movement"]["count"] > 0
    assert before["coop_solidarity_entry"]["count"] > 0
    assert {"pos_order", "account_move"} <= set(before)

    after = backup.restore(folder, restored_name, data_dir=data_dir)

    assert after == before
    assert after == backup.digests(db), "the source is untouched"
    # The attachments' files are there, byte for byte.
    source, copy = (data_dir / "filestore" / name for name in (db, restored_name))
    files = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
    assert files, "the demo stores files (logo, reports)"
    for relative in files[:50]:
        assert (copy / relative).read_bytes() == (source / relative).read_bytes()

    # An existing database is not overwritten without being asked to.
    with pytest.raises(backup.BackupError, match="exists"):
        backup.restore(folder, restored_name, data_dir=data_dir)


def test_a_restore_that_differs_from_its_backup_is_refused(tmp_path, restored_name):
    db, data_dir = get_db_name(), Path(config["data_dir"])
    folder = backup.backup(db, tmp_path, data_dir=data_dir)
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    # As if a register line had been rewritten since the backup was taken.
    manifest["digests"]["coop_share_movement"]["md5"] = "0" * 32
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(backup.BackupError, match="coop_share_movement"):
        backup.restore(folder, restored_name, data_dir=data_dir, force=True)


def databases_like(name):
    with coop.connect() as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s ORDER BY 1",
            [name + "%"],
        )
        return [row[0] for row in cr.fetchall()]


@pytest.fixture
def cleanup():
    """Drops, at the end, every database whose name starts with one given."""
    prefixes = []
    yield prefixes.append
    for prefix in prefixes:
        for name in databases_like(prefix):
            coop.drop_db(name)
            shutil.rmtree(
                Path(config["data_dir"]) / "filestore" / name, ignore_errors=True
            )


def run_sql(db, statement):
    """Another process at work (a till syncing, an order): committed."""
    conn = coop.connect(db)
    with conn, conn.cursor() as cr:
        cr.execute(statement)
    conn.close()


MARK = "Client pendant la sauvegarde"


def test_a_backup_taken_while_the_coop_works_restores(tmp_path, restored_name):
    """#33 (1): the digests were read after pg_dump, in another snapshot:
    contacts created meanwhile made every restore fail ("res_partner
    differs"). Dump and digests now share one snapshot."""
    db, data_dir = get_db_name(), Path(config["data_dir"])
    # A copy of a plain contact (every column filled as Odoo would).
    copy_a_contact = (
        "INSERT INTO res_partner SELECT * FROM jsonb_populate_record("
        "NULL::res_partner, (SELECT to_jsonb(t) || jsonb_build_object("
        f"'id', nextval('res_partner_id_seq'), 'name', '{MARK}')"
        " FROM res_partner t WHERE t.id = (SELECT min(id) FROM res_partner"
        " WHERE barcode IS NULL AND coop_member_number IS NULL)))"
    )
    try:
        folder = backup.backup(
            db,
            tmp_path,
            data_dir=data_dir,
            while_dumping=lambda: run_sql(db, copy_a_contact),
        )
        restored = backup.restore(folder, restored_name, data_dir=data_dir)
        manifest = json.loads((folder / "manifest.json").read_text())
        assert restored == manifest["digests"]
        live = backup.digests(db)["res_partner"]["count"]
        assert live == restored["res_partner"]["count"] + 1, "the snapshot's"
    finally:
        run_sql(db, f"DELETE FROM res_partner WHERE name = '{MARK}'")


def tamper_digest(folder):
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["digests"]["coop_share_movement"]["md5"] = "0" * 32
    path.write_text(json.dumps(manifest))


def test_force_keeps_the_database_when_the_backup_is_refused(
    tmp_path, restored_name, cleanup
):
    """#33 (2): FORCE dropped the database before checking the backup."""
    cleanup(restored_name)
    db, data_dir = get_db_name(), Path(config["data_dir"])
    folder = backup.backup(db, tmp_path, data_dir=data_dir)
    backup.restore(folder, restored_name, data_dir=data_dir)
    # Work done in it since (what a forced restore must not lose).
    run_sql(
        restored_name,
        "UPDATE res_partner SET name = name || ' (après la sauvegarde)'"
        " WHERE id = (SELECT min(id) FROM res_partner)",
    )
    before = backup.digests(restored_name)
    assert before != json.loads((folder / "manifest.json").read_text())["digests"]
    tamper_digest(folder)
    with pytest.raises(backup.BackupError, match="coop_share_movement"):
        backup.restore(folder, restored_name, data_dir=data_dir, force=True)
    assert backup.digests(restored_name) == before, "the database is still there"
    assert databases_like(restored_name) == [restored_name]


def test_force_keeps_the_replaced_database_under_a_dated_name(
    tmp_path, restored_name, cleanup
):
    cleanup(restored_name)
    db, data_dir = get_db_name(), Path(config["data_dir"])
    folder = backup.backup(db, tmp_path, data_dir=data_dir)
    backup.restore(folder, restored_name, data_dir=data_dir)
    backup.restore(folder, restored_name, data_dir=data_dir, force=True)
    kept = databases_like(f"{restored_name}_before_restore_")
    assert len(kept) == 1
    assert backup.digests(kept[0]) == backup.digests(restored_name)


def test_a_refused_restore_leaves_nothing(tmp_path, restored_name):
    """#33 (3): a refused restore left its database under the target name."""
    db, data_dir = get_db_name(), Path(config["data_dir"])
    folder = backup.backup(db, tmp_path, data_dir=data_dir)
    tamper_digest(folder)
    with pytest.raises(backup.BackupError):
        backup.restore(folder, restored_name, data_dir=data_dir)
    assert databases_like(restored_name) == []
    assert not (data_dir / "filestore" / restored_name).exists()


def test_a_damaged_dump_is_refused_by_name(tmp_path, restored_name):
    """#33 (4, 5): a damaged dump gave a traceback and a half-restored
    database; an edited one (a sequence's value) restored silently. The
    dump's checksum is in the manifest."""
    db, data_dir = get_db_name(), Path(config["data_dir"])
    folder = backup.backup(db, tmp_path, data_dir=data_dir)
    dump = folder / "database.dump"
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match="database.dump"):
        backup.restore(folder, restored_name, data_dir=data_dir)
    assert databases_like(restored_name) == []
    # Past the checksum (the manifest rewritten too), pg_restore's own
    # refusal is a one-line BackupError, and nothing is left either.
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["sha256"]["database.dump"] = backup._sha256(dump)
    path.write_text(json.dumps(manifest))
    try:
        backup.restore(folder, restored_name, data_dir=data_dir)
    except backup.BackupError as error:
        assert "\n" not in str(error)
    assert databases_like(restored_name) in ([], [restored_name])


def test_a_changed_attachment_byte_is_refused(tmp_path, restored_name):
    """#33 (6): one byte changed in a file of the filestore archive was
    restored silently."""
    db, data_dir = get_db_name(), Path(config["data_dir"])
    folder = backup.backup(db, tmp_path, data_dir=data_dir)
    archive = folder / "filestore.tar.gz"
    with pytest.raises(backup.BackupError, match="filestore.tar.gz"):
        data = bytearray(archive.read_bytes())
        data[len(data) // 2] ^= 0xFF
        archive.write_bytes(bytes(data))
        backup.restore(folder, restored_name, data_dir=data_dir)
    # One file changed inside an archive rebuilt whole, its checksum too.
    extract = tmp_path / "extract"
    folder2 = backup.backup(db, tmp_path / "again", data_dir=data_dir)
    with tarfile.open(folder2 / "filestore.tar.gz") as tar:
        tar.extractall(extract, filter="data")
    victim = next(p for p in sorted((extract / "filestore").rglob("*")) if p.is_file())
    content = bytearray(victim.read_bytes())
    content[0] ^= 0xFF
    victim.write_bytes(bytes(content))
    with tarfile.open(folder2 / "filestore.tar.gz", "w:gz") as tar:
        tar.add(extract / "filestore", arcname="filestore")
    path = folder2 / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["sha256"]["filestore.tar.gz"] = backup._sha256(
        folder2 / "filestore.tar.gz"
    )
    path.write_text(json.dumps(manifest))
    relative = victim.relative_to(extract / "filestore").as_posix()
    with pytest.raises(backup.BackupError, match=f"{relative}.*checksum"):
        backup.restore(folder2, restored_name, data_dir=data_dir)
    assert databases_like(restored_name) == []
