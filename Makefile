# The two commands in the README: `make run` and `make test`. Both set up
# everything they need (system libraries, a project venv) on a fresh machine.
PYTHON ?= $(shell bash scripts/find-python.sh)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PKG_STAMP := $(VENV)/.package-installed

.PHONY: run start test lint translations screenshots clean setup package smoke bench

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/system-deps.sh scripts/find-python.sh
	bash scripts/system-deps.sh
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

## Start pgdesk on a fresh demo database of fictitious patients.
run: $(STAMP)
	$(BIN)/pgdesk --demo

## Start pgdesk on your own database (default location, or DB=path).
start: $(STAMP)
	$(BIN)/pgdesk $(if $(DB),--db $(DB))

## All tests, headless.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check pgdesk tests scripts bench packaging
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/check_import_cycles.py

lint: $(STAMP)
	$(BIN)/ruff check pgdesk tests
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/check_import_cycles.py

## Refresh the English translation source and compile all .qm files.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find pgdesk/ui pgdesk/domain -name '*.py') -ts resources/translations/pgdesk_en.ts
	$(BIN)/pyside6-lrelease resources/translations/pgdesk_en.ts -qm resources/translations/pgdesk_en.qm

## Grab every page of the app to PNG (offscreen), to look at what users see.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py screenshots

## The self-contained app in dist/pgdesk/ (PyInstaller; prints its size). Installs PyInstaller
## (the 'package' extra) and the build tools (binutils; libpython for a Debian Python) first.
package: $(PKG_STAMP)
	$(BIN)/python packaging/build.py

$(PKG_STAMP): $(STAMP)
	bash scripts/system-deps.sh package
	$(BIN)/pip install -q -e '.[package]'
	touch $(PKG_STAMP)

## Smoke-test the frozen app built by `make package` (offscreen; version, handout, window, encryption).
smoke: $(STAMP)
	$(BIN)/python packaging/smoke_test.py

## Benchmarks against their floors and targets (start, web, handout, search, memory); writes
## bench/results.json. Not part of `make test`. The 50,000-patient databases are cached in bench/.cache.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist *.egg-info
