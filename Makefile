# The two commands in the README:
#   make briefing   install (first time) and print the merged briefing of the bundled story
#   make test       install (first time) and run lint, type checks and the whole test suite
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORY ?= articles/may-putin-2016

.PHONY: setup briefing test lint

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

briefing: $(STAMP)
	$(BIN)/summarize brief $(STORY)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(STAMP) lint
	bash scripts/install-browser.sh
	$(BIN)/pytest
