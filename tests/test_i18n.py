"""French first: each addon ships a .pot and a complete fr.po."""

from pathlib import Path

import polib
import pytest

ADDONS = Path(__file__).resolve().parent.parent / "addons"
NAMES = sorted(p.parent.name for p in ADDONS.glob("*/__manifest__.py"))


@pytest.mark.parametrize("name", NAMES)
def test_pot_and_complete_french(name):
    pot_path = ADDONS / name / "i18n" / f"{name}.pot"
    po_path = ADDONS / name / "i18n" / "fr.po"
    assert pot_path.is_file(), f"{name}: no i18n/{name}.pot"
    assert po_path.is_file(), f"{name}: no i18n/fr.po"
    pot, po = polib.pofile(str(pot_path)), polib.pofile(str(po_path))
    pot_ids = {(e.msgctxt, e.msgid) for e in pot}
    po_ids = {(e.msgctxt, e.msgid) for e in po}
    assert pot_ids <= po_ids, f"{name}: fr.po lacks {sorted(pot_ids - po_ids)[:5]}"
    untranslated = [e.msgid for e in po if not e.translated() and not e.obsolete]
    assert not untranslated, f"{name}: untranslated in fr.po: {untranslated[:5]}"
    assert po.metadata.get("Language") == "fr"
    assert not (ADDONS / name / "i18n" / "en.po").exists()
