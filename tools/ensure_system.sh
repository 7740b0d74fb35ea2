#!/usr/bin/env bash
# System packages the project needs on Debian/Ubuntu, installed with apt only
# when absent: Chromium (Odoo's tours), PostgreSQL's client tools, the shared
# libraries and fonts of wkhtmltopdf (the binary itself comes from PyPI, see
# requirements/odoo.txt), pdftotext (tests read the text of real PDFs),
# nginx (bench/scale_out.py puts it in front of two Odoo nodes) and
# pgBackRest (the production layout's backups; tests/test_point_in_time_recovery.py).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v pgbackrest >/dev/null 2>&1 || missing+=(pgbackrest)
for pkg in libxrender1 libxext6 libx11-6 libfontconfig1 libfreetype6 fontconfig \
    fonts-dejavu-core xfonts-75dpi xfonts-base; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "[coop] installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "[coop] ERROR: please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
