#!/usr/bin/env bash
# Lint the project: ruff, pylint-odoo (blocking checks), OCA module and .po checks.
# Same commands as .pre-commit-config.yaml; run by `make lint` and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
status=0
run() { echo "[lint] $*"; "$@" || status=1; }

run "$bin/ruff" check .
run "$bin/ruff" format --check .
# pylint-odoo needs to import odoo for some checks: give it the source if there.
PYTHONPATH="${ODOO_SRC:-/opt/odoo}${PYTHONPATH:+:$PYTHONPATH}" \
    run "$bin/pylint" --rcfile=.pylintrc-mandatory addons/*
run "$bin/oca-checks-odoo-module" --no-verbose addons/*/__manifest__.py
mapfile -t pos < <(ls addons/*/i18n/*.po addons/*/i18n/*.pot 2>/dev/null)
if [ "${#pos[@]}" -gt 0 ]; then
    # po-pretty-format is off: it empties every msgstr equal to its msgid
    # ("Date", "Total"...), and then fr.po can't be checked for completeness.
    run "$bin/oca-checks-po" --no-verbose --disable=po-pretty-format "${pos[@]}"
fi
if [ "$status" -ne 0 ]; then
    echo "[lint] FAILED"
else
    echo "[lint] clean"
fi
exit "$status"
