# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# The settings build the public address (SITE_URL, in certificates and emails) from PORT, so `make run PORT=8101`
# and the demo's certificates agree on it. Set SITE_URL itself for any other address.
export PORT

.PHONY: run test lint format bench worker beat migrate demo clean e2e-deps system-deps system-check vendor-js

# What the platform needs from Debian (12, bookworm): Python with venv, and WeasyPrint's libraries and fonts
# (home/system_libraries.py checks them; its tests keep this list and the README's in step with it).
SYSTEM_PACKAGES := python3 python3-venv libglib2.0-0 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b \
	libfontconfig1 libharfbuzz-subset0 fonts-dejavu-core

$(STAMP): requirements/dev.txt requirements/base.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	touch $(STAMP)

## System packages (Debian or Ubuntu, as root).
system-deps:
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(SYSTEM_PACKAGES)

## Stop early, naming the Debian package to install, if WeasyPrint's libraries are missing.
system-check: $(STAMP)
	$(BIN)/python -m home.system_libraries

migrate: $(STAMP) system-check
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

## Serve the site on http://127.0.0.1:$(PORT) (SQLite, Celery eager, email to the console).
run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## The whole test suite on the embedded default (browser tests skip if Chromium or axe-core are missing).
test: $(STAMP) system-check
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Benchmarks (see benchmarks/README.md).
bench: $(STAMP)
	ONLY=$(ONLY) $(BIN)/python benchmarks/run.py

## A real worker and scheduler (needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0).
worker: $(STAMP)
	$(BIN)/celery -A lms worker --loglevel=INFO

beat: $(STAMP)
	$(BIN)/celery -A lms beat --loglevel=INFO

## Browser-test dependencies: Debian's Chromium at /usr/bin/chromium (the tests never download a browser) and
## axe-core from npm (needs root for apt).
e2e-deps:
	test -x /usr/bin/chromium || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)
	npm ci --no-audit --no-fund

## The SCORM runtime (scorm-again, from npm) is vendored in static/vendor/ so nothing is built to run: copy it
## again after changing its version in package.json (`npm install`).
vendor-js:
	cp node_modules/scorm-again/dist/scorm-again.min.js node_modules/scorm-again/LICENSE static/vendor/scorm-again/

clean:
	rm -rf $(VENV) node_modules staticfiles
