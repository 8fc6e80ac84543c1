# Departure Desk: `make run` starts the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint typecheck layers unit bench demo clean system-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# constraints.txt pins every package, so a fresh machine gets the same versions
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

run: $(STAMP) system-deps
	QT_QPA_PLATFORM= $(BIN)/departure-desk $(ARGS)

# Qt's X11 plugin needs libxcb-cursor0 on Linux desktops (not for the headless tests)
system-deps:
	@if [ "$$(uname)" = Linux ] && ! ldconfig -p | grep -q libxcb-cursor.so.0; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq libxcb-cursor0; \
	  else \
	    echo "Qt needs libxcb-cursor0 to open windows: sudo apt-get install libxcb-cursor0"; \
	  fi; \
	fi

test: $(STAMP) lint typecheck layers unit

lint: $(STAMP)
	$(BIN)/ruff check desktop reports tests
	$(BIN)/ruff format --check desktop reports tests

typecheck: $(STAMP)
	$(BIN)/mypy desktop reports

layers: $(STAMP)
	$(BIN)/lint-imports --no-cache

unit: $(STAMP)
	$(BIN)/pytest -q

# timing runs, not part of `make test`: see tests/benchmarks/README.md
bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks.run $(ARGS)

demo: $(STAMP)
	$(BIN)/departure-desk demo --data-dir $(or $(DIR),demo-office) --households $(or $(N),200)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
