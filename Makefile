# The single entry point for people, CI (.ci/run) and hooks.
#   make run       start the app on the bundled data at http://localhost:8501
#   make test      lint + the whole test suite (installs what it needs)
#   make lint      ruff check + ruff format --check
#   make validate  check the YAML under data/
#   make image-check  build the Docker image, run it, check health, user, fonts, pages
#   make clean     remove caches, build output and test artefacts (keeps .venv)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501
# System packages the browser tests and chart exports need (Debian names).
APT_PACKAGES := fonts-noto-cjk chromium
PYTEST_ARGS ?=
# Test processes (pytest-xdist): CI's machine has 2 cores. Whole files go to one process
# (--dist loadfile), so a module's server fixture starts once. PYTEST_WORKERS=0 runs in one.
PYTEST_WORKERS ?= 2

.PHONY: help run test lint validate clean system-deps venv image-check

help:
	@sed -n '2,8p' Makefile | sed 's/^# *//'

# The venv is (re)built when requirements.txt or pyproject.toml is newer than the stamp,
# or when its interpreter no longer runs.
$(STAMP): requirements.txt requirements-runtime.txt pyproject.toml
	@if ! $(BIN)/python -c '' 2>/dev/null; then \
	  echo "creating $(VENV)"; rm -rf $(VENV); $(PYTHON) -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	@touch $@

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/python serve.py --server.port $(PORT)

# Installs the missing Debian packages with apt (root only); never downloads browsers via playwright.
system-deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
	  if [ -x /usr/bin/chromium ] && fc-list ':family=Noto Sans CJK JP' | grep -q .; then exit 0; fi; \
	  echo "make: not Debian; install Chromium at /usr/bin/chromium and the Noto Sans CJK JP font" >&2; \
	  exit 1; \
	fi
	@missing=""; \
	for pkg in $(APT_PACKAGES); do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then \
	    echo "make: missing system packages:$$missing" >&2; \
	    echo "make: install them as root: apt-get update && apt-get install -y$$missing" >&2; \
	    exit 1; \
	  fi; \
	  echo "installing:$$missing"; \
	  apt-get update -q; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q$$missing; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# pytest exits 5 when it collected nothing: that is a failure here, not a pass.
test: $(STAMP) system-deps
	$(BIN)/ruff check .
	@rc=0; $(BIN)/python -m pytest -q --durations=10 \
	  -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make: pytest collected no tests" >&2; exit 1; fi; \
	exit $$rc

image-check:
	scripts/image-check.sh

validate: $(STAMP)
	$(BIN)/genai-impact validate

clean:
	rm -rf build dist .pytest_cache .ruff_cache .e2e-artifacts src/*.egg-info $(STAMP)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
