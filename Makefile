# Two commands do everything: `make serve` and `make test`.
SHELL   := /bin/bash
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench review lock schema system-deps clean

$(BIN)/mkdocs: requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	touch $@

$(BIN)/pytest: requirements-test.lock $(BIN)/mkdocs
	$(BIN)/pip install -q -r requirements-test.lock
	touch $@

serve: $(BIN)/mkdocs  ## serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(BIN)/mkdocs  ## strict build into site/
	$(BIN)/mkdocs build --strict

# Browser tests need Chromium, HTML validation needs Java, search tests need Node.
# Use what the machine has; as root (as in CI) install Debian's packages where missing.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Please install:$$missing (Debian: sudo apt-get install$$missing)"; exit 1; \
	  fi; \
	fi

test: $(BIN)/pytest system-deps  ## every test: data, macros, build, search, browser, gates
	$(BIN)/pytest

bench: $(BIN)/pytest system-deps  ## figures only; judges nothing
	$(BIN)/python tests/bench.py

review: $(BIN)/mkdocs  ## what to re-check: stale sources, one-driver claims, dates now past (a report, not a test)
	$(BIN)/python -m macros.review

lock:  ## refresh the exact pins from pyproject.toml
	rm -rf /tmp/flex-lock && $(PY) -m venv /tmp/flex-lock
	/tmp/flex-lock/bin/pip install -q . && /tmp/flex-lock/bin/pip uninstall -q -y flex-deactivation-help
	(echo "# Exact versions the site builds with. Regenerate: make lock"; /tmp/flex-lock/bin/pip freeze) > requirements.lock
	/tmp/flex-lock/bin/pip install -q ".[test]" && /tmp/flex-lock/bin/pip uninstall -q -y flex-deactivation-help
	rm -rf *.egg-info build
	(echo "# Exact versions of the test tools, on top of requirements.lock. Regenerate: make lock"; echo "-r requirements.lock"; \
	 /tmp/flex-lock/bin/pip freeze | LC_ALL=C sort | LC_ALL=C comm -13 <(grep -v '^#' requirements.lock | LC_ALL=C sort) -) > requirements-test.lock

clean:
	rm -rf site .pytest_cache

schema: $(BIN)/mkdocs  ## rewrite data/schema.json from the models in macros/data.py
	$(BIN)/python -c "import json; from macros.data import Data; open('data/schema.json','w').write(json.dumps(Data.model_json_schema(), indent=2) + '\n')"
