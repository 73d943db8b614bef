# Two commands on a fresh machine with Python 3.11 and make:
#   make demo   - create the environment and run Marsad on the bundled examples
#   make test   - create the environment and run lint, type checks and the full test suite
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or run: make PYTHON=python3 ...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/marsad demo examples

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/ruff format --check src tests benchmarks examples

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck unit

# The figures of the README (they need ../shared/data; bench_ner_speed needs the `bench` extra).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_html.py
	$(BIN)/python benchmarks/bench_furniture.py
	$(BIN)/python benchmarks/bench_speed.py --stages clean,furniture,identify
	$(BIN)/python benchmarks/bench_speed.py --articles 1000
	$(BIN)/marsad eval ner ../shared/data/anercorp/test.txt
	$(BIN)/python benchmarks/bench_facts.py
	$(BIN)/python benchmarks/bench_archive.py
	$(BIN)/python benchmarks/bench_web.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
