# One door per job. Every target sets up the virtualenv itself on a fresh clone.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DEMO_OUT ?= demo-out

.PHONY: install demo test lint eval bench train train-ner gazetteers clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) (Python 3.11+)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/rasid analyze examples --out $(DEMO_OUT) --db $(DEMO_OUT)/rasid.db
	@echo "open $(DEMO_OUT)/report.html"

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -q tests

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/python -m pytest -q -m eval tests/eval

bench: $(STAMP)
	$(BIN)/python -m tests.bench.run

train: train-ner

train-ner: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[train]"
	$(BIN)/python scripts/train_ner.py --data $(SHARED)/data
	$(BIN)/python scripts/train_ner_neural.py --data $(SHARED)/data

gazetteers: $(STAMP)
	$(BIN)/python scripts/compile_gazetteers.py --data $(SHARED)/data/gazetteer

clean:
	rm -rf $(VENV) $(DEMO_OUT) build dist src/*.egg-info
