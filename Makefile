# Two commands do all the set-up on a fresh machine:
#   make run    serve the site with its content on SQLite at http://127.0.0.1:8000
#   make test   lint and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test admin lint bench serve loadtest clean browser-deps

$(BIN)/activate: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(BIN)/activate

$(VENV)/.dev-installed: $(BIN)/activate requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.dev-installed

run: $(BIN)/activate
	DJANGO_DEBUG=1 DJANGO_HTTPS=0 $(PY) manage.py migrate --noinput
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

test: $(VENV)/.dev-installed browser-deps lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
