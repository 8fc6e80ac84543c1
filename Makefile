# Departure Desk: `make run` starts the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint typecheck layers unit bench demo clean system-deps translations compiled-translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# constraints.txt pins every package, so a fresh machine gets the same versions
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

run: $(STAMP) system-deps compiled-translations
	QT_QPA_PLATFORM= $(BIN)/departure-desk $(ARGS)

# Interface translations (Qt Linguist): `make translations` extracts every tr()/tr_noop()
# string into resources/i18n/*.ts for the translators; the .qm files are compiled from them
LANGUAGES := sq
TS_FILES := $(LANGUAGES:%=resources/i18n/departure_desk_%.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
LUPDATE_OPTIONS := -extensions py -tr-function-alias QT_TR_NOOP+=tr_noop -locations none -no-obsolete -silent

translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(LUPDATE_OPTIONS) desktop/ui desktop/services -ts $(TS_FILES)

compiled-translations: $(QM_FILES)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Qt's X11 window plugin needs a dozen system libraries (not for the headless tests):
# installed with apt-get as root, otherwise the command is printed (installer/qt-system-libs.sh)
system-deps: $(STAMP)
	installer/qt-system-libs.sh $(BIN)/python

test: $(STAMP) compiled-translations lint typecheck layers unit

lint: $(STAMP)
	$(BIN)/ruff check desktop reports tests
	$(BIN)/ruff format --check desktop reports tests

typecheck: $(STAMP)
	$(BIN)/mypy desktop reports

layers: $(STAMP)
	$(BIN)/lint-imports --no-cache

# one worker per core, each test file on one worker (its module-wide fixtures built once)
unit: $(STAMP)
	$(BIN)/pytest -q -n auto --dist loadfile --max-worker-restart 0

# timing runs, not part of `make test`: see tests/benchmarks/README.md
bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks.run $(ARGS)

demo: $(STAMP)
	$(BIN)/departure-desk demo --data-dir $(or $(DIR),demo-office) --households $(or $(N),200)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
