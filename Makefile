# The two commands in the README: `make run` and `make test`. Both set up
# everything they need (system libraries, a project venv) on a fresh machine.
PYTHON ?= $(shell bash scripts/find-python.sh)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run start test lint translations screenshots clean setup

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
	$(BIN)/ruff check pgdesk tests scripts
	$(BIN)/lint-imports --no-cache

lint: $(STAMP)
	$(BIN)/ruff check pgdesk tests
	$(BIN)/lint-imports --no-cache

## Refresh the English translation source and compile all .qm files.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find pgdesk/ui -name '*.py') -ts resources/translations/pgdesk_en.ts
	$(BIN)/pyside6-lrelease resources/translations/pgdesk_en.ts -qm resources/translations/pgdesk_en.qm

## Grab every page of the app to PNG (offscreen), to look at what users see.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info
