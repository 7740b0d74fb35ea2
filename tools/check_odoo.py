#!/usr/bin/env python3
"""Stop at once, with the way to get it, when ODOO_SRC holds no Odoo 18.0.

Standard library only: it runs before the venv exists.
"""

import os
import re
import sys
from pathlib import Path

ODOO_SRC = Path(os.environ.get("ODOO_SRC") or "/opt/odoo")

GET_ODOO_HELP = """\
These addons need the Odoo 18.0 community source tree (odoo-bin, odoo/, addons/)
at ODOO_SRC (default /opt/odoo). Get it from Odoo's official source, for example:
    git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git /opt/odoo
or unpack Odoo's official nightly source archive of 18.0 there, then run again
(or point ODOO_SRC at the tree: make test ODOO_SRC=/path/to/odoo)."""


def odoo_version(src=ODOO_SRC):
    """Odoo's (major, minor) read from odoo/release.py, or None."""
    release = src / "odoo" / "release.py"
    if not (src / "odoo-bin").is_file() or not release.is_file():
        return None
    match = re.search(
        r"^version_info = \((\d+), (\d+)", release.read_text(), re.MULTILINE
    )
    return (int(match.group(1)), int(match.group(2))) if match else None


def check_odoo(src=ODOO_SRC):
    version = odoo_version(src)
    if version is None:
        problem = f"no Odoo source found at ODOO_SRC={src}."
    elif version[0] != 18:
        problem = f"ODOO_SRC={src} holds Odoo {version[0]}.{version[1]}, not 18.0."
    else:
        return version
    sys.stderr.write(f"[coop] ERROR: {problem}\n{GET_ODOO_HELP}\n")
    sys.exit(2)


if __name__ == "__main__":
    major, minor = check_odoo()
    print(f"[coop] Odoo {major}.{minor} at {ODOO_SRC}")
