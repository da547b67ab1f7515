# ISF Tracker — the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install install-test migrate seed serve lock vendor clean

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

install: $(VENV)/.installed-runtime
install-test: $(VENV)/.installed-test

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

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
