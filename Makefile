# Two commands do all the set-up on a fresh machine:
#   make run    serve the site with its content on SQLite at http://127.0.0.1:8000
#   make test   lint, check for missing migrations, then the whole suite: the fast tests in
#               parallel (pytest-xdist), then the browser tests as their own parallel run
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test test-fast test-browser migrations-check hooks admin lint bench bench-weight bench-suite serve loadtest clean browser-deps admin-totp benchmark-http messages

$(BIN)/activate: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(BIN)/activate

$(VENV)/.dev-installed: $(BIN)/activate requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.dev-installed

# The site's own words in Spanish: locale/es/LC_MESSAGES/django.po (in the repo) compiled to
# django.mo (not in the repo) whenever the .po is newer. Needs msgfmt (GNU gettext).
MESSAGES_PO := $(wildcard locale/*/LC_MESSAGES/django.po)
MESSAGES_MO := $(MESSAGES_PO:.po=.mo)

$(MESSAGES_MO): %.mo: %.po $(BIN)/activate
	@scripts/ensure-gettext.sh
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v0

messages: $(MESSAGES_MO)

run: $(BIN)/activate messages
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py migrate --noinput
	# Every page, drug name, rule and checklist text from the data files; staff edits are kept.
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py load_content
	@echo ""
	@echo "  LDN Guide is at http://127.0.0.1:8000/"
	@echo "  To edit content, make a staff login with: make admin"
	@echo "  then sign in at http://127.0.0.1:8000/admin/"
	@echo ""
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py runserver 127.0.0.1:8000

# `make admin` adds a staff login: an administrator unless ROLE says otherwise
# (make admin NAME=anna ROLE=editor; roles: editor, pharmacist, administrator; staff/roles.py).
admin: $(BIN)/activate
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py migrate --noinput
	@name="$(NAME)"; if [ -z "$$name" ]; then printf "Username: "; read name; fi; \
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py add_staff "$$name" --role "$(or $(ROLE),administrator)"

browser-deps:
	@scripts/ensure-chromium.sh

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# A model change without its migration fails here (and in the pre-commit hook).
migrations-check: $(BIN)/activate
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py makemigrations --check --dry-run

# Installs the commit hooks of .pre-commit-config.yaml (ruff, the migrations check) in this clone.
hooks: $(VENV)/.dev-installed
	$(BIN)/pre-commit install

# How many processes run the fast tests: `auto` is one per core. TEST_WORKERS=0 runs them in
# this process (no xdist), e.g. to use a debugger.
TEST_WORKERS ?= auto

# Everything but Chromium, spread over the cores. Each worker has its own test database: today's
# tables (made from the models; migrations-check proves the migrations give the same), then
# load_content as `make run` does (tests/conftest.py).
test-fast: $(VENV)/.dev-installed messages
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not browser"

# Chromium tests (tests/browser/), spread over the cores too: each worker has its own test
# database, live server and Chromium. BROWSER_WORKERS=0 runs them in this process.
BROWSER_WORKERS ?= auto

test-browser: $(VENV)/.dev-installed browser-deps messages
	$(BIN)/pytest -n $(BROWSER_WORKERS) -m browser

test: $(VENV)/.dev-installed browser-deps messages lint migrations-check
	$(MAKE) --no-print-directory test-fast
	$(MAKE) --no-print-directory test-browser

# How fast the checker reads medicine names, and how that grows with a tenfold knowledge base.
bench: $(BIN)/activate
	$(PY) scripts/bench_matching.py

# Home and /check/ on slow 3G (400 kbit/s, 400 ms) with a 4x slower CPU, cold: load time, bytes.
bench-weight: $(VENV)/.dev-installed browser-deps
	$(PY) scripts/bench_weight.py

# The test suite before issue 10 (2b7acac) and now, fast and browser parts, on a quiet machine.
bench-suite: $(VENV)/.dev-installed browser-deps
	$(PY) scripts/bench_suite.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
	rm -f $(MESSAGES_MO)

# --- Production stack on this machine (issue 6) -------------------------------------------
# `make serve`: debug off, hashed and compressed static files, migrations, the content, gunicorn on
# loopback with plain http. A secret key is made once in var/secret_key unless
# DJANGO_SECRET_KEY is set. Staff need a second factor: make admin, then make admin-totp.
SERVE_BIND ?= 127.0.0.1:8000
SERVE_ENV = DJANGO_DEBUG=0 DJANGO_HTTPS=$${DJANGO_HTTPS:-0} \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)}"

var/secret_key:
	@mkdir -p var
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@

serve: $(BIN)/activate var/secret_key messages
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py load_content
	$(SERVE_ENV) $(PY) manage.py createcachetable
	@echo ""
	@echo "  LDN Guide (production settings, plain http on loopback) is at http://$(SERVE_BIND)/"
	@echo ""
	$(SERVE_ENV) GUNICORN_BIND=$(SERVE_BIND) $(BIN)/gunicorn -c gunicorn.conf.py ldn_site.wsgi

# A one-time-code device for a staff login: make admin-totp STAFF=nurse
admin-totp: $(BIN)/activate
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py add_totp_device $(STAFF)

# 60 s at 32 connections against gunicorn + PostgreSQL on loopback, then the fault drills.
loadtest: $(VENV)/.dev-installed
	$(PY) scripts/loadtest.py

# Requests per second of a topic page and the checker API, each as a ratio to /healthz.
benchmark-http: $(VENV)/.dev-installed
	$(PY) scripts/bench_http.py
