# presence — set-up, run, test and check. Every target creates .venv on first use.
# `make run` installs the program alone; `make test`, `check` and `bench` add the test tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUM := $(shell cksum pyproject.toml | cut -d' ' -f1)
RUN_STAMP := $(VENV)/.installed-run-$(SUM)
TEST_STAMP := $(VENV)/.installed-test-$(SUM)

.PHONY: run test check lint format bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "presence needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The runtime dependencies only (what `pip install brand-presence` installs).
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@if [ -e $(TEST_STAMP) ]; then touch $@; else \
		$(BIN)/python -m pip install --quiet -e . && \
		rm -f $(VENV)/.installed-run-* && touch $@; fi

# The runtime dependencies and the test extras (pytest, ruff, mypy, …).
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/presence $(ARGS)

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -n auto -q $(ARGS)

check: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(TEST_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py $(ARGS)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
