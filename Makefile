# Two commands for a new user: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
ES_PORT ?= 9200
# Two test workers per core: many tests wait on subprocesses, servers and databases, not on the CPU.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) * 2 )))
FRONTEND := search_ui/frontend
ES_SPEC := tests/search/elastic_spec
VENDOR := search_ui/static/vendor

.PHONY: run run-elastic test test-fast check e2e bench install system-packages browser assets es-spec translations messages clean help

help:
	@echo "make run    install, migrate, load the demo data once and serve on http://$(HOST):$(PORT)/"
	@echo "make test   install the test dependencies, run the checks and the whole test suite"
	@echo "make test-fast  the inner loop: no browser tests, no slow real-file runs"
	@echo "make check  ruff on every package, mypy on vocabularies, schemas, ingest and catalog"
	@echo "make bench  run the benchmarks"
	@echo "make e2e    run the browser tests alone (headless Chromium; screenshots in CATALOG_TEST_ARTIFACTS)"
	@echo "make assets build the browser libraries from npm into $(VENDOR)/"
	@echo "make run-elastic  as make run, with search on an Elasticsearch 8 API emulator (noida-db)"

# Debian packages the targets need, installed only when missing.
system-packages:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed" >&2; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv; }
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm; }

# Debian's Chromium and Chinese fonts for the browser tests (tests/e2e), installed only when missing.
browser:
	@dpkg -s chromium fonts-noto-cjk >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; }

# Browser libraries from npm at the versions package-lock.json pins, served from $(VENDOR)/ (no CDN).
assets: $(VENDOR)/.built

$(VENDOR)/.built: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json | system-packages
	cd $(FRONTEND) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/leaflet $(VENDOR)/leaflet.markercluster $(VENDOR)/world-atlas \
	  $(VENDOR)/topojson-client $(VENDOR)/swagger-ui
	cd $(FRONTEND)/node_modules/leaflet && cp -R LICENSE dist/leaflet.js dist/leaflet.css dist/images $(CURDIR)/$(VENDOR)/leaflet/
	cd $(FRONTEND)/node_modules/leaflet.markercluster && cp MIT-LICENCE.txt dist/leaflet.markercluster.js \
	  dist/MarkerCluster.css dist/MarkerCluster.Default.css $(CURDIR)/$(VENDOR)/leaflet.markercluster/
	cd $(FRONTEND)/node_modules/world-atlas && cp LICENSE countries-50m.json $(CURDIR)/$(VENDOR)/world-atlas/
	cd $(FRONTEND)/node_modules/topojson-client && cp LICENSE dist/topojson-client.min.js \
	  $(CURDIR)/$(VENDOR)/topojson-client/
	cd $(FRONTEND)/node_modules/swagger-ui-dist && cp LICENSE NOTICE swagger-ui-bundle.js swagger-ui.css \
	  $(CURDIR)/$(VENDOR)/swagger-ui/
	touch $@

# The Elasticsearch API specification as the official JavaScript client's request types, and the TypeScript
# compiler that checks the platform's requests against them (tests/search/test_elastic_spec.py).
es-spec: $(ES_SPEC)/node_modules/.installed

$(ES_SPEC)/node_modules/.installed: $(ES_SPEC)/package.json $(ES_SPEC)/package-lock.json | system-packages
	cd $(ES_SPEC) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

$(STAMP): setup.cfg pyproject.toml | system-packages
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade uv
	PYTHONWARNINGS=ignore $(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[test]'
	touch $(STAMP)

install: $(STAMP) translations assets

translations: $(STAMP)
	$(BIN)/pybabel compile -d search_ui/translations >/dev/null

# After changing UI text: refresh the catalogs, translate the new entries in messages.po, commit.
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _ -o search_ui/translations/messages.pot .
	$(BIN)/pybabel update -i search_ui/translations/messages.pot -d search_ui/translations -w 100

run: install
	$(BIN)/catalog init
	$(BIN)/catalog demo
	CATALOG_BASE_URL=$${CATALOG_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/catalog serve --host $(HOST) --port $(PORT)

# The same platform with search on an Elasticsearch 8 API (the noida-db emulator, stopped on exit).
run-elastic: install
	mkdir -p var
	setsid $(BIN)/noida-db start --only elasticsearch --elasticsearch-port $(ES_PORT) --data-dir var/noida \
	  >var/noida.log 2>&1 & \
	trap "kill -- -$$! 2>/dev/null" EXIT INT TERM; \
	export CATALOG_SEARCH_URL=http://127.0.0.1:$(ES_PORT) CATALOG_BASE_URL=$${CATALOG_BASE_URL:-http://$(HOST):$(PORT)}; \
	sleep 1 && $(BIN)/catalog init && $(BIN)/catalog demo && $(BIN)/catalog reindex && \
	$(BIN)/catalog serve --host $(HOST) --port $(PORT)

test: install browser es-spec check
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

test-fast: install es-spec
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile -m "not slow" --ignore=tests/e2e

check: install
	$(BIN)/ruff check catalog catalog_api search_ui ingest schemas vocabularies tests bench
	$(BIN)/mypy

e2e: install browser
	$(BIN)/python -m pytest tests/e2e

bench: install
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis *.egg-info $(VENDOR) $(FRONTEND)/node_modules \
	  $(ES_SPEC)/node_modules
