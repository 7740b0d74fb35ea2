# Coop addons for Odoo 18: the two everyday commands are `make run` and `make test`.
# Odoo 18.0 source is expected at $(ODOO_SRC) (see README).
ODOO_SRC ?= /opt/odoo
export ODOO_SRC
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
# The venv is rebuilt only when a requirements file changes.
VENV_STAMP := $(VENV)/.installed-$(shell cat requirements/*.txt | sha1sum | cut -c1-12)

.PHONY: help run test lint venv system check template clean-db bench screenshots
help:
	@echo "make run    create coop_demo (four addons, French, demo data) and serve it on :8069"
	@echo "make test   lint, then every test (addons, tours in Chromium, repository tests)"
	@echo "make lint   ruff, pylint-odoo, OCA checks"
	@echo "make bench  our addons vs vanilla Odoo (ARGS=\"--size full pos_load\")"
	@echo "make screenshots  the journeys on the demo, as PNGs in docs/screenshots/"

check:
	@$(PYTHON) tools/check_odoo.py

system: check
	@bash tools/ensure_system.sh

$(VENV_STAMP):
	@echo "[coop] installing Python packages into $(VENV)"
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	@$(VPY) -m pip install --quiet --upgrade pip 2>&1 | grep -v "is ignored" || true
	@$(VPY) -m pip install --quiet -r requirements/dev.txt 2>&1 | grep -v "is ignored" || true
	@$(VPY) -c "import importlib.util as u, sys; sys.exit(any(u.find_spec(m) is None for m in ('odoo_test_helper', 'pytest_odoo', 'websocket', 'stdnum', 'psycopg2')))" \
		|| { echo "[coop] ERROR: Python packages missing after install"; exit 1; }
	@chmod +x $(VENV)/bin/wkhtmltopdf-pack && ln -sf wkhtmltopdf-pack $(VENV)/bin/wkhtmltopdf
	@$(VENV)/bin/wkhtmltopdf --version | grep -q "patched qt" \
		|| { echo "[coop] ERROR: wkhtmltopdf (patched qt) does not run"; exit 1; }
	@rm -f $(VENV)/.installed-* && touch $@

venv: $(VENV_STAMP)

template: system venv
	@$(VPY) tools/coop.py template

run: system venv
	@$(VPY) tools/coop.py run

lint: venv
	@bash tools/lint.sh

test: system venv lint
	@$(VPY) tools/coop.py test

clean-db: venv
	@$(VPY) tools/coop.py clean

# Performance: our addons vs vanilla Odoo on the same data (see bench/).
bench: system venv
	@PYTHONPATH=$(ODOO_SRC) $(VPY) -m bench $(ARGS)

# The journeys on the demo in Chromium, as PNGs for the README (look at them).
screenshots: system venv
	@$(VPY) tools/screenshots.py
