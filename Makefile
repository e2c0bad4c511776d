# Two commands matter: `make serve` (build and serve the site with the checker working) and
# `make test` (every test). Everything else is a step they share.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# pyodide-lock, which registers our wheel for the in-page checker, needs Python >= 3.12.
PYTHON ?= $(shell for c in python3.13 python3.12 python3 $(wildcard $(HOME)/.pyenv/versions/3.1[23]*/bin/python3); do \
  $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$c; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock validators/pyproject.toml | sha256sum | cut -c1-12)
NODE_STAMP := node_modules/.installed-$(shell sha256sum package-lock.json | cut -c1-12)
CHROMIUM ?= /usr/bin/chromium

# Trust anchors and real test certificates are read from ../shared, never copied here.
export IGCSANTE_TRUST_DIR ?= $(abspath ../shared/data/igc-sante)
export IGCSANTE_CHROMIUM := $(CHROMIUM)
PORT ?= 8000
# Material's notice about MkDocs 2: we pin mkdocs<2 and mkdocs-material<10 (requirements.in).
export NO_MKDOCS_2_WARNING := 1
# The address the site is served at; Material's instant navigation needs it (see mkdocs.yml).
export IGCSANTE_SITE_URL ?= http://127.0.0.1:$(PORT)/

.PHONY: help deps build serve test pdf bench chromium lock clean

help:
	@echo "make serve   build the site and serve it on http://127.0.0.1:8000 (PORT=8001 for another port)"
	@echo "make test    every test (unit, built site, Pyodide, browser, PDF)"
	@echo "make build   the static site into site/"
	@echo "make pdf     the offline PDF into site/downloads/"
	@echo "make bench   the benchmarks (checker in CPython, checker page in Chromium, link check)"
	@echo "make lock    re-pin the Python dependencies from requirements.in"
	@echo "make clean   remove site/, .venv/ and node_modules/"

$(STAMP): requirements.lock validators/pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 is needed (pyodide-lock requires it): install python3.12 or python3.13, or run 'make PYTHON=/path/to/python3.12 ...'"; exit 2; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e validators
	touch $@

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "Node.js >= 20 and npm are needed: apt-get install nodejs npm"; exit 2; }
	npm ci --no-audit --no-fund
	touch $@

deps: $(STAMP) $(NODE_STAMP)

chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-dejavu-core; \
	  else echo "Chromium is needed for the browser and PDF tests: sudo apt-get install chromium poppler-utils"; exit 2; fi; fi
	@command -v pdfinfo >/dev/null || { if [ "$$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; \
	  else echo "pdfinfo is needed for the PDF tests: sudo apt-get install poppler-utils"; exit 2; fi; }

build: deps
	$(BIN)/mkdocs build --strict

# The built site as it will be published (checker bundle and PDF included), on 127.0.0.1 only.
serve: deps
	$(BIN)/mkdocs build --strict
	@if [ -x "$(CHROMIUM)" ]; then $(BIN)/python -m macros.pdf; \
	  else echo "note: no Chromium at $(CHROMIUM), so no PDF: the PDF links will be empty (sudo apt-get install chromium)"; fi
	$(BIN)/python -m macros.serve --site site --port $(PORT)

test: deps chromium
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m macros.pdf   # the PDF tests read site/downloads/
	$(BIN)/python -m pytest

pdf: deps chromium
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m macros.pdf

bench: deps chromium
	$(BIN)/mkdocs build --strict
	$(BIN)/python bench/cert_checker.py
	$(BIN)/python bench/checker_page.py
	$(BIN)/python bench/links_check.py

# Re-pin every Python dependency from requirements.in (needs the package registry).
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in
	.venv-lock/bin/pip freeze --exclude-editable > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf site $(VENV) node_modules
