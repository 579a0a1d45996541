# Two commands do all the set-up on a fresh machine:
#   make run    serve the site with its content on SQLite at http://127.0.0.1:8000
#   make test   lint and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test admin lint bench serve loadtest clean browser-deps admin-totp benchmark-http messages

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

admin: $(BIN)/activate
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py createsuperuser

browser-deps:
	@scripts/ensure-chromium.sh

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The suite's database is made as `make run` makes one: migrate (schema only), then load_content.
test: $(VENV)/.dev-installed browser-deps messages lint
	$(BIN)/pytest

# How fast the checker reads medicine names, and how that grows with a tenfold knowledge base.
bench: $(BIN)/activate
	$(PY) scripts/bench_matching.py

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
