# Digiskills: `make run` sets everything up and serves the platform;
# `make test` runs the whole suite. See README.md.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
LOCALSTRIPE_PORT ?= 8420

.PHONY: run setup test lint format bench crowd lock messages clean worker

# --- setup steps (each re-runs only when its inputs change) -----------------

$(VENV)/.installed: requirements/dev.lock
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet --require-hashes -r requirements/dev.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

frontend/static/vendor/.built: node_modules/.installed frontend/build.mjs
	node frontend/build.mjs
	touch $@

messages: $(VENV)/.installed
	cd . && $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

setup: $(VENV)/.installed frontend/static/vendor/.built messages

# --- the two commands -------------------------------------------------------

run: setup
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Digiskills is starting at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/cms/)"
	@echo "H5P exercises play from http://localhost:$(PORT)/ (the same server, another origin)"
	@# Payments: with no STRIPE_SECRET_KEY, a local fake Stripe (localstripe)
	@# runs on 127.0.0.1:$(LOCALSTRIPE_PORT) for as long as the server does.
	@if [ -n "$$STRIPE_SECRET_KEY" ]; then \
	  H5P_PLAYER_ORIGIN=$${H5P_PLAYER_ORIGIN:-http://localhost:$(PORT)} $(PY) manage.py runserver $(HOST):$(PORT); \
	else \
	  LOCALSTRIPE_LOG=$${TMPDIR:-/tmp}/digiskills-localstripe.log; \
	  echo "Payments: no STRIPE_SECRET_KEY, starting the local fake Stripe (localstripe) on 127.0.0.1:$(LOCALSTRIPE_PORT)"; \
	  $(VENV)/bin/localstripe --port $(LOCALSTRIPE_PORT) --from-scratch >"$$LOCALSTRIPE_LOG" 2>&1 & LOCALSTRIPE_PID=$$!; \
	  trap 'kill $$LOCALSTRIPE_PID 2>/dev/null' EXIT INT TERM; \
	  export STRIPE_API_BASE=http://127.0.0.1:$(LOCALSTRIPE_PORT) STRIPE_SECRET_KEY=sk_test_localstripe \
	    STRIPE_PUBLISHABLE_KEY=pk_test_localstripe STRIPE_WEBHOOK_SECRET=whsec_localstripe_dev; \
	  $(PY) manage.py stripe_local_setup http://$(HOST):$(PORT)/payments/stripe/webhook/ || { echo "localstripe did not start: payments are off (see $$LOCALSTRIPE_LOG)"; \
	    unset STRIPE_API_BASE STRIPE_SECRET_KEY STRIPE_PUBLISHABLE_KEY STRIPE_WEBHOOK_SECRET; }; \
	  H5P_PLAYER_ORIGIN=$${H5P_PLAYER_ORIGIN:-http://localhost:$(PORT)} $(PY) manage.py runserver $(HOST):$(PORT); \
	fi

# A Celery worker with beat reading every queue (config/queues.py), for a
# broker of your own: CELERY_BROKER_URL=redis://127.0.0.1:6379/0 make worker
# (without a broker, tasks run inside the web process and no worker is needed).
CELERY_QUEUES = $(shell $(PY) -c "from config.queues import ALL_QUEUES; print(','.join(ALL_QUEUES))" 2>/dev/null)
worker: setup
	$(PY) -m celery -A config worker --beat --queues $(CELERY_QUEUES) --loglevel=INFO

# Tests run in PYTEST_WORKERS processes (pytest-xdist), handed out in the
# order pytest-django sets (every transactional test after the others, as in
# one process); PYTEST_WORKERS=0 runs them all in this one.
PYTEST_WORKERS ?= 2
test: setup
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

# --- the rest ---------------------------------------------------------------

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: setup
	$(PY) -m benchmarks $(BENCH_ARGS)

# 1,000 learners arriving over a minute (benchmarks/crowd.py).
crowd: setup
	$(PY) -m benchmarks.crowd $(CROWD_ARGS)

# Regenerate the hashed lock files after changing pyproject.toml.
lock: $(VENV)/.installed
	$(PIP) install --quiet uv==0.13.8
	$(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes --no-header -o requirements/base.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes --no-header -o requirements/dev.lock

clean:
	rm -rf $(VENV) node_modules frontend/static/vendor staticfiles
