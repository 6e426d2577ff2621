# Two entry points on a fresh clone: `make run` and `make test`. Everything they need
# is installed here into .venv; nothing is expected on the machine but Python 3.10+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARTICLES ?= data/articles
OUT    ?= out/events.jsonl

.PHONY: run test evaluate report notebook bench resources clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/coalition-nlp extract $(ARTICLES) -o $(OUT) --force
	$(BIN)/coalition-nlp summary $(OUT)

test: $(VENV)/.installed-dev
	$(BIN)/pytest

report: $(VENV)/.installed-dev
	$(BIN)/coalition-nlp extract $(ARTICLES) -o $(OUT) --quiet --force
	$(BIN)/coalition-nlp report $(OUT) -o out/report.html --force

evaluate: $(VENV)/.installed
	$(BIN)/coalition-nlp extract $(ARTICLES) -o $(OUT) --quiet --force
	$(BIN)/coalition-nlp evaluate $(OUT) --gold data/gold
	$(BIN)/coalition-nlp extract data/heldout/articles -o out/heldout.jsonl --quiet --force
	$(BIN)/coalition-nlp evaluate out/heldout.jsonl --gold data/heldout/gold
	$(BIN)/coalition-nlp extract data/heldout2/articles -o out/heldout2.jsonl --quiet --force
	$(BIN)/coalition-nlp evaluate out/heldout2.jsonl --gold data/heldout2/gold
	$(BIN)/python -m coalition_nlp.realset data/real

# Runs the example notebook in place, so the committed copy shows its outputs (commit it after).
notebook: $(VENV)/.installed-dev
	$(BIN)/jupyter-execute --inplace --timeout=600 --kernel_name=python3 examples/quickstart.ipynb

# Throughput, peak RSS and workers speed-up against the bare-tokenizer floor (README "Throughput").
bench: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks

resources: $(VENV)/.installed-dev
	$(BIN)/python -m coalition_nlp.resources.build

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
