#!/usr/bin/env bash
# System packages the project needs on Debian/Ubuntu: Chromium (Odoo's tours),
# and PostgreSQL's client tools. Installed with apt only when absent.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
# wkhtmltopdf is not needed by the tests (PDF reports are tested as HTML).
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
