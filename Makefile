# Two commands for a newcomer: `make run` and `make test`. Everything they need is
# installed from this repository's own files (requirements*.txt, package-lock.json).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint format assets audit migrate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Re-install when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# GOV.UK Frontend and the bundled typeface (Arimo), copied into static/ by the one script
# the Dockerfile runs too. One marker in each folder, so deleting either copies again.
COPIED := static/govuk/.copied static/fonts/.copied
$(COPIED) &: node_modules/.installed scripts/copy_assets.sh
	sh scripts/copy_assets.sh
	touch $(COPIED)

assets: $(COPIED)

migrate: $(VENV)/.installed
	DEBUG=true $(MANAGE) migrate --no-input

run: $(VENV)/.installed assets migrate
	DEBUG=true $(MANAGE) load_demo
	@echo "Serving http://127.0.0.1:8000 (embedded default: SQLite in var/, tasks in-process)"
	DEBUG=true $(MANAGE) runserver 127.0.0.1:8000

# The suite runs on every core (pytest-xdist), at most 8 workers: each has its own test
# database and Redis database (REDIS_URL's + its number, lscb/settings_test.py), and Redis
# has 16. `make test PYTEST_WORKERS=0` runs it in one process; PYTEST_ARGS go last.
PYTEST_WORKERS ?= auto
test: $(VENV)/.installed assets
	mkdir -p var
	$(BIN)/python scripts/test_services.py > var/test-env
	@cat var/test-env | sed -n 's/^# //p'
	set -a && . ./var/test-env && set +a && $(BIN)/pytest -n $(PYTEST_WORKERS) \
		--maxprocesses 8 --durations=20 $(PYTEST_ARGS)

# lint-imports checks the apps' arrows (pyproject.toml [tool.importlinter]).
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The dependency audit needs a vulnerability database that our machines cannot reach:
# deployers run it where they can.
audit: $(VENV)/.installed
	$(BIN)/pip install --quiet pip-audit
	$(BIN)/pip-audit -r requirements.txt

clean:
	rm -rf $(VENV) node_modules static/govuk static/fonts var/staticfiles
