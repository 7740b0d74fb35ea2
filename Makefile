# Coop addons for Odoo 18: the two everyday commands are `make run` and `make test`.
# Odoo 18.0 source is expected at $(ODOO_SRC) (see README).
ODOO_SRC ?= /opt/odoo
export ODOO_SRC
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
# The venv is rebuilt only when a requirements file changes.
VENV_STAMP := $(VENV)/.installed-$(shell cat requirements/*.txt | sha1sum | cut -c1-12)

.PHONY: help run test test-odoo lint readme venv system check template clean-db bench screenshots backup restore check-money test-journeys test-weekdays
help:
	@echo "make run    create coop_demo (four addons, French, demo data) and serve it on :8069"
	@echo "make test   lint, Odoo's own tests (CI subset), then every test of ours"
	@echo "make test-odoo  Odoo's own tests of the modules we extend, with and without our addons"
	@echo "make lint   ruff, pylint-odoo, OCA checks"
	@echo "make readme  each addon's README.rst and index.html from its readme/ (OCA's tool)"
	@echo "make bench  our addons vs vanilla Odoo (ARGS=\"--size full pos_load\")"
	@echo "make screenshots  the journeys on the demo, as PNGs in docs/screenshots/"
	@echo "make backup [DB=coop_demo]   dump a database and its filestore into backups/"
	@echo "make restore FROM=backups/<folder> [DB=coop_demo] [FORCE=1] [NEUTRALIZE=1]  restore it, checked"
	@echo "make check-money [DB=coop_demo]  the money invariants of a database"
	@echo "make test-journeys [STEPS=5000]  a long run of the journey simulator"

check:
	@$(PYTHON) tools/check_odoo.py

system: check
	@bash tools/ensure_system.sh

$(VENV_STAMP):
	@echo "[coop] installing Python packages into $(VENV)"
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	@$(VPY) -m pip install --quiet --upgrade pip 2>&1 | grep -v "is ignored" || true
	@$(VPY) -m pip install --quiet -r requirements/dev.txt 2>&1 | grep -v "is ignored" || true
	@$(VPY) -m pip install --quiet --no-deps -r requirements/oca.txt 2>&1 | grep -v "is ignored" || true
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

# OCA's README generator, vendored (tools/oca_maintainer_tools/NOTICE.md).
readme: venv
	@cd tools && ../$(VPY) -m oca_maintainer_tools.gen_addon_readme \
		--org-name=coop-hdf --repo-name=coop-addons --branch=18.0 \
		--addons-dir=../addons

# Odoo's own tests first (a subset), so that pytest's summary stays the last line.
test: system venv lint
	@$(VPY) tools/odoo_tests.py --ci
	@$(VPY) tools/coop.py test

# Every post_install test of sale, sale_stock, purchase_stock, delivery,
# website_sale, point_of_sale and stock_picking_batch, with and without our
# addons, compared (ARGS="--tags /website_sale:TestWebsiteSaleCart").
test-odoo: system venv
	@$(VPY) tools/odoo_tests.py $(ARGS)

clean-db: venv
	@$(VPY) tools/coop.py clean

# Performance: our addons vs vanilla Odoo on the same data (see bench/).
bench: system venv
	@PYTHONPATH=$(ODOO_SRC) $(VPY) -m bench $(ARGS)

# The journeys on the demo in Chromium, as PNGs for the README (look at them).
screenshots: system venv
	@$(VPY) tools/screenshots.py

DB ?= coop_demo
backup: venv
	@$(VPY) tools/backup.py backup --db $(DB)

restore: venv
	@test -n "$(FROM)" || { echo "make restore FROM=backups/<folder> [DB=name] [FORCE=1] [NEUTRALIZE=1]"; exit 2; }
	@$(VPY) tools/backup.py restore $(FROM) --db $(DB) $(if $(FORCE),--force) $(if $(NEUTRALIZE),--neutralize) $(if $(ACCEPT_BROKEN_CHAINS),--accept-broken-chains)

# The money invariants (coop.money.checker) of a database, read only.
check-money: venv
	@$(VPY) tools/coop.py check-money --db $(DB)

# A long run of the journey simulator (tests/journeys.py): STEPS steps in
# sequences of 25, a random seed printed with any failing sequence.
STEPS ?= 5000
test-journeys: system venv
	@COOP_JOURNEY_EXAMPLES=$$(( $(STEPS) / 25 )) COOP_JOURNEY_STEPS=25 COOP_JOURNEY_SEED=random \
		$(VPY) tools/coop.py test tests/test_journeys.py --pytest-args -s -k random_journeys

# The tests with the clock set to a moment of each weekday (libfaketime):
# the demo and every test hold whatever the day and hour of the build.
test-weekdays: system venv
	@command -v faketime >/dev/null || apt-get install -y -qq faketime
	@$(VPY) tools/coop.py weekdays
