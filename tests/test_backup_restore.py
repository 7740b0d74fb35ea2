"""``make backup`` / ``make restore`` on the test database: a round trip
gives the same share register, fund, till hash chain, journals and
filestore; a restore that differs from its backup, or that would overwrite
a database, is refused."""

import json
import shutil
import sys
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
