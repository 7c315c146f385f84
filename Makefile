# The commands in the README:
#   make briefing   install (first time) and print the merged briefing of the bundled story
#   make test       install (first time) and run lint, type checks and the whole test suite
#   make demo       install (first time), write the invented demo story's HTML briefing and open it
#   make notebooks  install (first time) plus JupyterLab, and open the notebooks
#   make notebooks-html  the same install, then run the four notebooks headless into build/notebooks/
#   make test-fast  lint, type checks and the tests not marked slow (no generative model, no
#                   browser, no notebooks, no separate processes): under a minute, for development
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORY ?= articles/may-putin-2016
# The invented story written to show every feature of a briefing (articles/demo-ferry/README.md).
DEMO ?= articles/demo-ferry
DEMO_HTML ?= build/demo-briefing.html

.PHONY: setup briefing demo test test-fast lint notebooks notebooks-install notebooks-html

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

briefing: $(STAMP)
	$(BIN)/summarize brief $(STORY)

# Opens the page in a browser when there is a display; otherwise (a server, CI) prints its path.
demo: $(STAMP)
	mkdir -p $(dir $(DEMO_HTML))
	$(BIN)/summarize brief $(DEMO) --format html -o $(DEMO_HTML)
	$(BIN)/python scripts/open_page.py $(DEMO_HTML)

# JupyterLab is an optional extra (.[notebooks]): the tests need only a kernel (.[notebook-kernel]).
# JUPYTER_ARGS="--no-browser --port 8890" passes options to `jupyter lab`.
# The extra also brings nbconvert and nbclient: `jupyter nbconvert --execute` / `jupyter execute`.
notebooks-install: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[notebooks]"

notebooks: notebooks-install
	$(BIN)/jupyter lab notebooks/ $(JUPYTER_ARGS)

# Headless: executes each notebook (no browser, no server) and writes it with its outputs as HTML.
notebooks-html: notebooks-install
	$(BIN)/jupyter nbconvert --to html --execute notebooks/*.ipynb --output-dir build/notebooks

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(STAMP) lint
	bash scripts/install-browser.sh
	$(BIN)/pytest

test-fast: $(STAMP) lint
	$(BIN)/pytest -m "not slow" -q
