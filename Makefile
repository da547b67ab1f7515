# ISF Tracker — the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test bench install install-test migrate seed serve lock vendor map screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when the dependency list or the lock changes.
$(VENV)/.installed-runtime: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-runtime
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# axe-core for the browser tests' accessibility checks (test tooling only, never served).
tools/e2e/node_modules/.installed: tools/e2e/package.json tools/e2e/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  cd tools/e2e && npm ci --no-audit --no-fund --ignore-scripts --silent && touch node_modules/.installed; \
	else echo "npm not found: the accessibility and markup checks will skip"; fi

install: $(VENV)/.installed-runtime
install-test: $(VENV)/.installed-test tools/e2e/node_modules/.installed

migrate: install
	$(BIN)/isf-tracker db upgrade

seed: migrate
	$(BIN)/isf-tracker seed

## run: create .venv, install, migrate and seed the SQLite database under ./data/, and serve on HOST:PORT
run: seed
	$(BIN)/isf-tracker serve --host $(HOST) --port $(PORT)

## test: install the test extras and run the whole suite
test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## screenshots: refresh the README's pictures (docs/*.png) from a real browser
screenshots: install-test
	ISF_SCREENSHOT_DIR=$(CURDIR)/docs $(BIN)/python -m pytest tests/e2e -k screenshots -q

## bench: measure speed (as ratios, written to docs/benchmarks.md) and article-import quality
bench: install-test
	$(BIN)/python bench/import_quality.py
	$(BIN)/python bench/run.py

## lock: re-resolve the dependencies in a scratch venv and write constraints.txt
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[test]'
	{ echo '# Exact versions the project is tested with; regenerate with `make lock`.'; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^isf-tracker'; } > constraints.txt
	rm -rf .lock-venv

## vendor: re-copy the pinned browser assets (Pico CSS, Swagger UI) from npm into static/vendor/
vendor:
	tools/vendor/vendor.sh

## map: re-project the board's world map (Natural Earth via npm world-atlas) into static/map/, and
## write the outlines file the board's map draws from (static/map/world-110m.svg)
map:
	cd tools/map && npm ci --no-audit --no-fund --ignore-scripts --silent && node project.mjs
	$(VENV)/bin/python -m app.services.worldmap

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
