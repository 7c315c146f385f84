# The commands in the README:
#   make briefing   install (first time) and print the merged briefing of the bundled story
#   make test       install (first time) and run lint, type checks and the whole test suite
#   make notebooks  install (first time) plus JupyterLab, and open the notebooks
#   make test-fast  lint, type checks and the tests not marked slow (no generative model, no
#                   browser, no notebooks, no separate processes): under a minute, for development
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORY ?= articles/may-putin-2016

.PHONY: setup briefing test test-fast lint notebooks

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

briefing: $(STAMP)
	$(BIN)/summarize brief $(STORY)

# JupyterLab is an optional extra (.[notebooks]): the tests need only a kernel (.[notebook-kernel]).
# JUPYTER_ARGS="--no-browser --port 8890" passes options to `jupyter lab`.
notebooks: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[notebooks]"
	$(BIN)/jupyter lab notebooks/ $(JUPYTER_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(STAMP) lint
	bash scripts/install-browser.sh
	$(BIN)/pytest

test-fast: $(STAMP) lint
	$(BIN)/pytest -m "not slow" -q
