"""``make backup`` / ``make restore`` on the test database: a round trip
gives the same share register, fund, till hash chain, journals and
filestore; a restore that differs from its backup, or that would overwrite
a database, is refused."""

import json
import os
import pwd
import shutil
import tarfile
from pathlib import Path

import backup
import coop
import pytest
from backup_helpers import a_member_joins_at_the_till, run_sql, template_copy

from odoo.tests.common import get_db_name
from odoo.tools import config


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

    after, chains = backup.restore(folder, restored_name, data_dir=data_dir)

    assert after == before
    assert chains["broken"] == []
    assert "register movements" in chains["checked"]
    assert after == backup.digests(db), "the source is untouched"
    # The attachments' files are there, byte for byte.
    source, copy = (data_dir / "filestore" / name for name in (db, restored_name))
    # (The files of its attachments: the filestore may hold older files
    # no attachment points to, which Odoo's clean-up job removes.)
    conn = coop.connect(db)
    with conn.cursor() as cr:
        files = sorted(backup._stored_files(cr))
    conn.close()
    assert files, "the demo stores files (logo, reports)"
    for relative in files:
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


MARK = "Client pendant la sauvegarde"


def test_a_backup_taken_while_the_coop_works_restores(tmp_path, restored_name, cleanup):
    """#33 (1): the digests were read after pg_dump, in another snapshot:
    contacts created meanwhile made every restore fail ("res_partner
    differs"). Dump and digests now share one snapshot: while the dump runs,
    contacts are created and a member joins at the till (register, till
    chain); the restore has what the snapshot had, every chain whole."""
    work = f"{get_db_name()}_working"
    cleanup(work)
    data_dir = Path(coop.DATA_DIR)
    template_copy(work)
    before = a_member_joins_at_the_till(work, "Membre avant la sauvegarde")
    # A copy of a plain contact (every column filled as Odoo would).
    copy_a_contact = (
        "INSERT INTO res_partner SELECT * FROM jsonb_populate_record("
        "NULL::res_partner, (SELECT to_jsonb(t) || jsonb_build_object("
        f"'id', nextval('res_partner_id_seq'), 'name', '{MARK}')"
        " FROM res_partner t WHERE t.id = (SELECT min(id) FROM res_partner"
        " WHERE barcode IS NULL AND coop_member_number IS NULL)))"
    )
    during = []

    def the_coop_works():
        run_sql(work, copy_a_contact)
        during.append(a_member_joins_at_the_till(work, "Membre pendant la sauvegarde"))
        run_sql(work, copy_a_contact)

    folder = backup.backup(
        work, tmp_path, data_dir=data_dir, while_dumping=the_coop_works
    )
    restored, chains = backup.restore(folder, restored_name, data_dir=data_dir)

    manifest = json.loads((folder / "manifest.json").read_text())
    assert restored == manifest["digests"]
    assert chains["broken"] == []
    assert "1 till orders in the chain" in chains["checked"], chains["checked"]
    live = backup.digests(work)
    assert live["res_partner"]["count"] == restored["res_partner"]["count"] + 3
    assert live["pos_order"]["count"] == restored["pos_order"]["count"] + 1
    conn = coop.connect(restored_name)
    with conn.cursor() as cr:
        cr.execute(
            "SELECT name FROM coop_share_movement WHERE partner_id = %s", [before[0]]
        )
        assert cr.fetchall() == [(before[1],)]
        cr.execute("SELECT count(*) FROM res_partner WHERE id = %s", [during[0][0]])
        assert cr.fetchone()[0] == 0, "written after the snapshot"
    conn.close()


def test_a_broken_chain_is_refused_by_name(tmp_path, restored_name, cleanup):
    """#33: a restore checks the chains with Odoo's own checks: a till
    order changed after it was hashed (l10n_fr_pos_cert), a register line
    taken out (its numbers have a gap) are refused by name, nothing left;
    ``accept_broken`` restores such a copy for an investigation, saying so."""
    work = f"{get_db_name()}_tampered"
    cleanup(work)
    data_dir = Path(coop.DATA_DIR)
    template_copy(work)
    __, __, order_id = a_member_joins_at_the_till(work, "Membre de la caisse")
    run_sql(
        work, f"UPDATE pos_order_line SET price_unit = 0.5 WHERE order_id = {order_id}"
    )
    folder = backup.backup(work, tmp_path / "till", data_dir=data_dir)
    with pytest.raises(backup.BackupError, match=r"till chain of .*l10n_fr_pos_cert"):
        backup.restore(folder, restored_name, data_dir=data_dir)
    assert databases_like(restored_name) == []
    __, chains = backup.restore(
        folder, restored_name, data_dir=data_dir, accept_broken=True
    )
    assert len(chains["broken"]) == 1 and "till chain" in chains["broken"][0]

    run_sql(
        work,
        "DELETE FROM coop_share_movement WHERE name = 'REG/000005'"
        " AND company_id = (SELECT id FROM res_company ORDER BY id LIMIT 1)",
    )
    folder = backup.backup(work, tmp_path / "register", data_dir=data_dir)
    with pytest.raises(backup.BackupError, match=r"register of .* missing \[5\]"):
        backup.restore(folder, restored_name, data_dir=data_dir, force=True)
    assert databases_like(restored_name) == [restored_name], "the first one"


def test_neutralize_gives_a_copy_that_sends_nothing(tmp_path, restored_name, cleanup):
    """#33: make restore NEUTRALIZE=1 runs Odoo's own neutralization: no
    scheduled job, no mail server, no payment provider taking money; without
    it the copy is the original's twin."""
    cleanup(restored_name)
    db, data_dir = get_db_name(), Path(config["data_dir"])
    folder = backup.backup(db, tmp_path, data_dir=data_dir)

    def state(name):
        conn = coop.connect(name)
        with conn.cursor() as cr:
            # Odoo keeps its own clean-up job (autovacuum) in a neutralized copy.
            cr.execute(
                "SELECT count(*) FROM ir_cron WHERE active AND id NOT IN"
                " (SELECT res_id FROM ir_model_data WHERE model = 'ir.cron'"
                " AND module = 'base' AND name = 'autovacuum_job')"
            )
            crons = cr.fetchone()[0]
            cr.execute("SELECT count(*) FROM payment_provider WHERE state = 'enabled'")
            providers = cr.fetchone()[0]
            cr.execute(
                "SELECT value FROM ir_config_parameter"
                " WHERE key = 'database.is_neutralized'"
            )
            neutralized = cr.fetchall()
        conn.close()
        return crons, providers, neutralized

    backup.restore(folder, restored_name, data_dir=data_dir)
    crons, __, neutralized = state(restored_name)
    assert crons > 0 and not neutralized
    backup.restore(
        folder, restored_name, data_dir=data_dir, force=True, neutralized=True
    )
    assert state(restored_name) == (0, 0, [("true",)])


def test_restored_files_belong_to_the_data_dir_owner(tmp_path, restored_name):
    """#33 (7): a restore run as root into Odoo's data dir (the production
    volume, owned by user odoo) left root's files that Odoo can't write."""
    db = get_db_name()
    folder = backup.backup(db, tmp_path / "backup", data_dir=Path(config["data_dir"]))
    data_dir = tmp_path / "data"
    (data_dir / "filestore").mkdir(parents=True)
    odoo_user = pwd.getpwnam("nobody")
    os.chown(data_dir / "filestore", odoo_user.pw_uid, odoo_user.pw_gid)
    try:
        backup.restore(folder, restored_name, data_dir=data_dir)
        restored = data_dir / "filestore" / restored_name
        owners = {p.stat().st_uid for p in [restored, *restored.rglob("*")]}
        assert owners == {odoo_user.pw_uid}
    finally:
        coop.drop_db(restored_name, data_dir)


def test_an_old_pg_dump_is_refused_with_what_to_install():
    """#33 (7): the host's pg_dump 15 can't dump the compose's PostgreSQL 16."""
    refusal = backup.pg_dump_refusal("pg_dump (PostgreSQL) 15.20", "160004")
    assert "postgresql-client-16" in refusal
    assert backup.pg_dump_refusal("pg_dump (PostgreSQL) 16.4", "160004") is None
    assert backup.pg_dump_refusal("pg_dump (PostgreSQL) 17.2", "150020") is None


def tamper_digest(folder):
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["digests"]["coop_share_movement"]["md5"] = "0" * 32
    path.write_text(json.dumps(manifest))


@pytest.fixture
def restored_once(tmp_path, restored_name, cleanup):
    """A backup of the test database and its restore under ``restored_name``
    (what a forced restore then replaces): (folder, data dir)."""
    cleanup(restored_name)
    data_dir = Path(config["data_dir"])
    folder = backup.backup(get_db_name(), tmp_path, data_dir=data_dir)
    backup.restore(folder, restored_name, data_dir=data_dir)
    return folder, data_dir


def test_force_keeps_the_database_when_the_backup_is_refused(
    restored_once, restored_name
):
    """#33 (2): FORCE dropped the database before checking the backup."""
    folder, data_dir = restored_once
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
    restored_once, restored_name
):
    folder, data_dir = restored_once
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
