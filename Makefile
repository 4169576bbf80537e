# Knowledge Hub. The README's two commands: `make run` (local site) and `make test` (all checks).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ELASTICSEARCH_PORT ?= 9200
HUB_TEST_ELASTICSEARCH_URL ?= http://127.0.0.1:$(ELASTICSEARCH_PORT)
PYTEST_ARGS ?=
HUB_PG_PORT ?= 5433
HUB_TEST_POSTGRES_URL ?= postgres://hub@127.0.0.1:$(HUB_PG_PORT)/hub
export ELASTICSEARCH_PORT HUB_PG_PORT

.PHONY: screenshots help install run test test-postgres chromium nginx tesseract lint format elasticsearch elasticsearch-stop postgres postgres-stop clean check-deploy bench-extract bench bench-quick bench-suggest bench-alerts

help:
	@echo "make run                 migrate, seed demo content, serve http://127.0.0.1:8000 (+ task worker)"
	@echo "make test                lint, migration check and pytest against a local Elasticsearch"
	@echo "                         (PYTEST_ARGS='-k search -x' to narrow it)"
	@echo "make install             create .venv and install the project with its test tools"
	@echo "make lint | format       ruff check / ruff format"
	@echo "make elasticsearch       start the local Elasticsearch node (elasticsearch-stop stops it)"
	@echo "make postgres            start the local PostgreSQL test cluster (postgres-stop stops it)"
	@echo "make test-postgres       the database tests on PostgreSQL alone (part of make test)"
	@echo "make check-deploy        Django's deployment checks against the production settings"
	@echo "make bench               search and page benchmark at 10,000 and 100,000 resources -> bench/results/"
	@echo "                         (BENCH_ARGS='--es-scales 10000 --reference-records 2000' to shorten it)"
	@echo "make bench-quick         the same at a few hundred resources (bench/results/bench-quick.*)"
	@echo "make bench-alerts        one alerts digest run: 10,000 alerts over 1,000 new resources"
	@echo "make bench-extract       text extraction benchmark over ../shared/corpus beside pdftotext,"
	@echo "                         then workbooks, CSV and decks beside plain openpyxl/python-pptx/csv"
	@echo "make screenshots         docs/screenshots/ at 1366 and 390 px from a running demo (make run)"
	@echo "make bench-suggest       objective suggestions over ../shared/relevance, near-duplicates over"
	@echo "                         ../shared/corpus -> bench/results/suggest.md"
	@echo "make clean               remove var/ (database, uploads, collected static); keeps the ES cache"

install: $(STAMP)

# Reinstall only when pyproject.toml changes; the venv uses the newest Python >= 3.11 found.
$(STAMP): pyproject.toml
	@if [ ! -x $(PY) ]; then \
	    for candidate in python3.13 python3.12 python3.11 python3; do \
	        if $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then \
	            python=$$candidate; break; \
	        fi; \
	    done; \
	    if [ -z "$${python:-}" ]; then \
	        echo "Python 3.11 or newer is required (tried python3.13, python3.12, python3.11, python3)." >&2; \
	        exit 1; \
	    fi; \
	    echo "Creating $(VENV) with $$($$python --version)"; \
	    $$python -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test]"
	@touch $@

run: install tesseract
	PYTHON=$(PY) bash scripts/run.sh

test: install elasticsearch chromium nginx tesseract
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=hub.settings.test $(PY) manage.py makemigrations --check --dry-run
	HUB_TEST_ELASTICSEARCH_URL=$(HUB_TEST_ELASTICSEARCH_URL) $(VENV)/bin/pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-postgres

# The tests that touch the database, again on PostgreSQL as production runs it (tests/conftest.py
# selects them: no browser or benchmark tests, the embedded search engine only). Without a
# PostgreSQL this is skipped with a note, unless REQUIRE_POSTGRES=1 (CI), where it must run.
test-postgres: install
	@if $(MAKE) --no-print-directory postgres; then \
	    HUB_TEST_DATABASE_URL=$(HUB_TEST_POSTGRES_URL) $(VENV)/bin/pytest $(PYTEST_ARGS); \
	elif [ "$${REQUIRE_POSTGRES:-}" = 1 ]; then \
	    echo "REQUIRE_POSTGRES=1 but PostgreSQL could not be started" >&2; exit 1; \
	else \
	    echo "PostgreSQL is not available: the PostgreSQL pass is skipped (make postgres)." >&2; \
	fi

# Debian's PostgreSQL (binaries only: scripts/postgres.sh runs a cluster of its own, unprivileged).
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	    if [ "$$(id -u)" = 0 ]; then \
	        apt-get install -y -qq postgresql || (apt-get update -qq && apt-get install -y -qq postgresql); \
	    else \
	        echo "The PostgreSQL pass needs PostgreSQL: run 'sudo apt-get install postgresql'." >&2; exit 1; \
	    fi; \
	fi
	bash scripts/postgres.sh start

postgres-stop:
	bash scripts/postgres.sh stop

# The browser tests drive Debian's Chromium (Playwright cannot download browsers here).
chromium:
	@if command -v chromium >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	    apt-get install -y -qq chromium || (apt-get update -qq && apt-get install -y -qq chromium); \
	else \
	    echo "The browser tests need Chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu)." >&2; \
	fi

# tests/deploy runs deploy/nginx.conf under a real nginx (only the binary is used; no service).
nginx:
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	    apt-get install -y -qq nginx || (apt-get update -qq && apt-get install -y -qq nginx); \
	else \
	    echo "The proxy tests need nginx: run 'sudo apt-get install nginx' (Debian/Ubuntu)." >&2; \
	fi

# Text recognition of scanned pages (library/extraction/ocr.py): Tesseract with English and French.
tesseract:
	@if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx fra \
	    && tesseract --list-langs 2>/dev/null | grep -qx eng; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	    packages="tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra"; \
	    apt-get install -y -qq $$packages || (apt-get update -qq && apt-get install -y -qq $$packages); \
	else \
	    echo "Scanned pages need Tesseract: run 'sudo apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra'." >&2; \
	fi

# Screenshots of the main pages at 1366 and 390 px from a running demo (`make run` elsewhere).
screenshots: install chromium
	$(PY) scripts/screenshots.py --base $${HUB_BASE_URL:-http://127.0.0.1:8000}

# pdftotext (poppler-utils) is the benchmark's reference; results go to bench/results/extract.*
# Objective suggestions (hit@3, precision@3, beside a keyword baseline) and near-duplicates
# (recall, precision, the upload check at 10,000 documents): bench/results/suggest.*
bench-suggest: install
	$(PY) -m bench.suggest $(BENCH_ARGS)

bench-extract: install tesseract
	@if ! command -v pdftotext >/dev/null; then \
	    if [ "$$(id -u)" = 0 ]; then \
	        apt-get install -y -qq poppler-utils || (apt-get update -qq && apt-get install -y -qq poppler-utils); \
	    else \
	        echo "The benchmark needs pdftotext: run 'sudo apt-get install poppler-utils'." >&2; exit 1; \
	    fi; \
	fi
	$(PY) -m bench.extract
	$(PY) -m bench.extract_office

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

elasticsearch:
	bash scripts/elasticsearch.sh start

elasticsearch-stop:
	bash scripts/elasticsearch.sh stop

# Search, indexing, page speed and memory (bench/run.py); the node at ELASTICSEARCH_URL.
BENCH_ARGS ?=
bench: install elasticsearch
	$(PY) -m bench.run $(BENCH_ARGS)

bench-quick: install elasticsearch
	$(PY) -m bench.run --quick $(BENCH_ARGS)

# One digest run of the alerts app at scale (embedded engine) -> bench/results/alerts.{json,md}.
bench-alerts: install
	$(PY) -m bench.alerts $(BENCH_ARGS)

clean:
	rm -rf var/ .ruff_cache/ .pytest_cache/

# Example values only: a throwaway secret, a placeholder host, and a database the check never opens.
check-deploy: install
	DJANGO_SETTINGS_MODULE=hub.settings.production \
	DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	DJANGO_ALLOWED_HOSTS=hub.example.org \
	DATABASE_URL=sqlite:////tmp/hub-check-deploy.sqlite3 \
	    $(PY) manage.py check --deploy --fail-level WARNING
