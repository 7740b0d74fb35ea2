"""A skipped test fails the run (conftest.py): a skipped tour proves nothing."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SKIPPING_TEST = """
import unittest

class TestTour(unittest.TestCase):
    def test_tour(self):
        # What Odoo raises when Chromium or websocket-client is missing.
        raise unittest.SkipTest("websocket-client module is not installed")
"""


def test_a_skipped_tour_fails_the_run(tmp_path):
    (tmp_path / "conftest.py").write_text((ROOT / "conftest.py").read_text())
    (tmp_path / "test_skipped.py").write_text(SKIPPING_TEST)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:odoo", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stdout
    assert "1 failed" in proc.stdout
    assert "was SKIPPED" in proc.stdout
    assert "websocket-client module is not installed" in proc.stdout
