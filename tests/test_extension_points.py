"""The extension points are open: a test addon
(tests/addons/coop_test_extension_points) adds a price rule and a delivery
mode through their hooks only, nothing of our addons copied or edited. It is
installed on a copy of the demo template (never in a coop's database) and
its own tests run there with Odoo's test runner."""

import re
import subprocess
from pathlib import Path

import coop
from backup_helpers import template_copy

ADDON = "coop_test_extension_points"
TEST_ADDONS = Path(__file__).resolve().parent / "addons"
DB = "coop_extension_points"


def test_an_addon_adds_a_price_rule_and_a_delivery_mode_through_the_hooks():
    template_copy(DB)
    try:
        done = subprocess.run(
            coop.odoo_cmd(
                "test.conf",
                f"--database={DB}",
                f"--addons-path={coop.addons_path()},{TEST_ADDONS}",
                f"--http-port={coop.free_ports(1)[0]}",
                f"--init={ADDON}",
                "--test-enable",
                f"--test-tags=/{ADDON}",
                "--stop-after-init",
            ),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    finally:
        coop.drop_db(DB)
    log = done.stdout + done.stderr
    summary = re.search(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests", log)
    assert done.returncode == 0 and summary, log[-4000:]
    assert summary.groups() == ("0", "0", "2"), log[-4000:]
