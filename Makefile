# 有事好商量 — everything a fresh machine needs starts here.
# Only Python 3.11 and make are assumed; uv is installed into .tools/ from PyPI.

PYTHON ?= python3.11
HOST ?= 127.0.0.1
PORT ?= 8000
# make serve: one web process per core unless told otherwise; the proxy in front is trusted.
WEB_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
FORWARDED_ALLOW_IPS ?= 127.0.0.1
UV_VERSION := 0.13.8

export UV_PYTHON_DOWNLOADS := never
export UV_COMPILE_BYTECODE := 1
export UV_PROJECT_ENVIRONMENT := .venv
export PYTHONUNBUFFERED := 1

UV := .tools/bin/uv
PY := .venv/bin/python
MANAGE := $(PY) manage.py

.PHONY: help install install-dev translations prepare run serve worker beat test lint browser-deps clean

help:
	@echo "make run     install, migrate, load demo data, serve http://$(HOST):$(PORT)"
	@echo "make test    install dev dependencies and run the whole test suite"
	@echo "make lint    ruff, mypy and the import layers (lint-imports)"
	@echo "make serve   production web server: uvicorn, WEB_WORKERS processes (docs/deploy.md)"
	@echo "make worker / make beat   Celery worker and scheduler (needs REDIS_URL)"

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(UV)
	$(UV) sync --locked --no-dev --python $(PYTHON) --quiet

install-dev: $(UV)
	$(UV) sync --locked --python $(PYTHON) --quiet

translations:
	$(MANAGE) compile_translations

# Every install gets setup_site (site, sections, categories, groups, workflow); production
# serves hashed static files and never gets the demo accounts.
prepare: translations
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) setup_site
	@if [ "$$DJANGO_ENV" = production ]; then $(MANAGE) collectstatic --no-input -v 0; \
	 else $(MANAGE) seed_demo; fi

run: install prepare
	@echo ""
	@echo "  有事好商量 is running at http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	@echo "  Wagtail admin: http://$(HOST):$(PORT)/admin/   health: http://$(HOST):$(PORT)/healthz"
	@echo ""
	$(PY) -m daphne -b $(HOST) -p $(PORT) config.asgi:application

# Production: HTTP and websockets on every core (uvicorn worker processes sharing one port;
# rooms meet through Redis). Run `make prepare` once per release first. docs/deploy.md.
serve: install
	.venv/bin/uvicorn config.asgi:application --host $(HOST) --port $(PORT) \
	  --workers $(WEB_WORKERS) --lifespan off --ws websockets --no-access-log \
	  --proxy-headers --forwarded-allow-ips "$(FORWARDED_ALLOW_IPS)" --timeout-graceful-shutdown 20

worker: install
	.venv/bin/celery -A config worker --loglevel=INFO

beat: install
	.venv/bin/celery -A config beat --loglevel=INFO --schedule var/celerybeat-schedule

# Debian's chromium and a CJK font for the browser tests; skipped where apt is unavailable.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "CJK"; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
	      || echo "browser-deps: could not install chromium; browser tests will be skipped"; \
	  else echo "browser-deps: no root apt-get; browser tests will be skipped"; fi; \
	fi

# In parallel on up to TEST_WORKERS cores (pytest-xdist; tests/parallel.py says what each
# worker gets of its own). TEST_WORKERS=0 runs in this one process.
TEST_WORKERS ?= 2
ifeq ($(TEST_WORKERS),0)
XDIST :=
else
XDIST := -n auto --maxprocesses $(TEST_WORKERS) --dist loadfile
endif

test: install-dev browser-deps translations
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

# lint-imports holds the dependency rule (pyproject.toml [tool.importlinter]).
lint: install-dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy .
	.venv/bin/lint-imports --no-logo

clean:
	rm -rf .venv .tools var
	find . -name "*.mo" -not -path "./.venv/*" -delete
