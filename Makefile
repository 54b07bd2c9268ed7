# The single entry point for people, CI (.ci/run) and hooks.
#   make run       start the app on the bundled data at http://localhost:8501 (installs only what running needs)
#   make replicas  REPLICAS=2 PORT=8501 DECK_URL=postgresql+psycopg://...: replicas for nginx
#   make test      lint + the whole test suite (installs what it needs, test tools included)
#   make lint      ruff check + ruff format --check
#   make validate  check the YAML under data/
#   make lock      recompile requirements/*.txt from requirements/*.in (pins and hashes)
#   make image-check  build the Docker image, run it, check health, user, fonts, pages
#   make clean     remove caches, build output and test artefacts (keeps .venv and .tools)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
# System packages the tests need (Debian names): the browser and the CJK font (browser tests,
# chart exports), nginx (proxy test), PostgreSQL (deck store test), poppler-utils (PDF pages as
# images, to look at exported slides).
APT_PACKAGES := fonts-noto-cjk chromium nginx postgresql poppler-utils
# apt waits for another apt or dpkg (unattended upgrades on a new machine) instead of failing.
APT_GET := apt-get -o DPkg::Lock::Timeout=600
PYTEST_ARGS ?=
# Test processes (pytest-xdist): CI's machine has 2 cores. Whole files go to one process
# (--dist loadfile), so a module's server fixture starts once. PYTEST_WORKERS=0 runs in one.
PYTEST_WORKERS ?= 2

# Locked dependencies, every package pinned with the hashes of its files: run.txt is what
# running needs (and all the Docker image gets), test.txt adds the test and lint tools.
RUN_LOCK := requirements/run.txt
TEST_LOCK := requirements/test.txt
TOOLS_LOCK := requirements/tools.txt
# Two stamps, so that `make run` on a fresh clone installs no test tools and a later
# `make test` adds them to the same venv.
RUN_STAMP := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed

# uv installs the locks several times faster than pip (docs/BENCHMARKS.md); taken
# from PATH, else installed once with pip into .tools/ from the hashed tools.txt.
# INSTALLER=pip builds the venv with python3 -m venv and pip instead.
INSTALLER ?= uv
TOOLS := .tools
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(TOOLS)/bin/uv
UV_DEP := $(UV)
endif
ifeq ($(INSTALLER),uv)
MKVENV = $(UV) venv -q --no-python-downloads --python $(PYTHON) $(VENV)
INSTALL = $(UV) pip install -q --python $(BIN)/python
INSTALLER_DEP = $(UV_DEP)
else
MKVENV = $(PYTHON) -m venv $(VENV)
# Bytecode is written when a module is first imported, as with uv: most files never are.
INSTALL = $(BIN)/python -m pip install -q --no-compile
INSTALLER_DEP =
endif

# Never read when the app runs, about 60 MB of a 500 MB venv: the test suites of pandas,
# numpy and pyarrow, pyarrow's C++ headers and Cython sources, and pydeck's Jupyter
# extension (two copies of one 23 MB script; Streamlit draws pydeck charts with its own).
SITE = $(VENV)/lib/python3.*/site-packages
define prune
rm -rf $(VENV)/share/jupyter $(SITE)/pydeck/nbextension/static \
  $(SITE)/pandas/tests $(SITE)/pyarrow/tests $(SITE)/pyarrow/include
find $(SITE)/numpy -depth -type d -name tests -exec rm -rf {} +
find $(SITE)/pyarrow \( -name '*.pyx' -o -name '*.pxd' -o -name '*.pxi' \) -delete
endef

.PHONY: help run replicas test lint validate lock clean system-deps venv image-check FORCE
FORCE:

help:
	@sed -n '2,10p' Makefile | sed 's/^# *//'

# A venv whose interpreter no longer runs (Python upgraded or moved) is rebuilt, and so is
# one made by the other installer (uv's venvs have no pip; the run stamp names its installer).
ifneq ($(shell $(BIN)/python -c 'print(1)' 2>/dev/null),1)
$(RUN_STAMP): FORCE
endif
ifneq ($(shell cat $(RUN_STAMP) 2>/dev/null),$(INSTALLER))
$(RUN_STAMP): FORCE
endif

# A new lock or pyproject.toml rebuilds the venv from nothing, so that no package the lock
# dropped stays behind. The project itself goes in editable, its dependencies came from the lock.
$(RUN_STAMP): $(RUN_LOCK) pyproject.toml | $(INSTALLER_DEP)
	rm -rf $(VENV)
	$(MKVENV)
	$(INSTALL) --require-hashes -r $(RUN_LOCK)
	$(INSTALL) --no-deps -e .
	$(prune)
	@echo $(INSTALLER) > $@

# Test tools go on top of a run venv (test.txt holds run.txt's pins). When test.txt changed
# after they went in, the venv is rebuilt first, again so that nothing dropped stays.
$(TEST_STAMP): $(RUN_STAMP) $(TEST_LOCK) | $(INSTALLER_DEP)
	@if [ -e $@ ]; then rm -f $(RUN_STAMP); $(MAKE) --no-print-directory $(RUN_STAMP); fi
	$(INSTALL) --require-hashes -r $(TEST_LOCK)
	@touch $@

# uv is one binary: pip's --target puts it in .tools/bin without a venv (2 s; a venv with
# its own pip takes 6 s). A Python whose pip is missing or refuses gets that venv instead.
$(TOOLS)/bin/uv: $(TOOLS_LOCK)
	rm -rf $(TOOLS)
	$(PYTHON) -m pip install -q --root-user-action=ignore --target $(TOOLS) \
	  --require-hashes -r $(TOOLS_LOCK) || { \
	  rm -rf $(TOOLS); $(PYTHON) -m venv $(TOOLS); \
	  $(TOOLS)/bin/python -m pip install -q --require-hashes -r $(TOOLS_LOCK); }
	@touch $@

venv: $(TEST_STAMP)

run: $(RUN_STAMP)
	$(BIN)/python serve.py --server.port $(PORT)

# Several replicas on consecutive ports from PORT, sharing the deck database DECK_URL (passed
# in the environment, not on the replicas' command lines); nginx in front with
# deploy/nginx-replicas.conf. README's "Several replicas" section.
REPLICAS ?= 2
replicas: export GENAI_IMPACT_DECK_URL := $(or $(DECK_URL),$(GENAI_IMPACT_DECK_URL))
replicas: $(RUN_STAMP)
	$(BIN)/python scripts/run-replicas --replicas $(REPLICAS) --first-port $(PORT)

# Resolves for the machines' platform (CPython 3.11, Linux x86_64) and keeps the pins already
# in the .txt files unless an .in file asks otherwise; `make lock LOCK_ARGS=--upgrade` moves
# every transitive pin to its newest release. A runtime pin is changed in run.in and
# pyproject.toml together (tests/test_deploy.py checks that they agree).
LOCK_ARGS ?=
LOCK := $(UV) pip compile -q --generate-hashes --python-version 3.11 \
  --python-platform x86_64-manylinux_2_28 --custom-compile-command 'make lock' $(LOCK_ARGS)
# A lock is replaced only when its text changed: a new file rebuilds the venv.
lock: | $(UV_DEP)
	@for name in run test tools; do \
	  lock=requirements/$$name.txt; cp $$lock $$lock.new 2>/dev/null || true; \
	  $(LOCK) requirements/$$name.in -o $$lock.new; \
	  if cmp -s $$lock.new $$lock; then rm $$lock.new; else mv $$lock.new $$lock; echo "make: wrote $$lock"; fi; \
	done

# Installs the missing Debian packages with apt (root only); never downloads browsers via playwright.
# nginx serves tests/e2e/test_proxy.py and test_replicas.py on loopback (they fail without it);
# Debian's policy-rc.d keeps the service off in a container.
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
	  $(APT_GET) update -q; \
	  DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -q$$missing; \
	fi

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# pytest exits 5 when it collected nothing: that is a failure here, not a pass.
test: $(TEST_STAMP) system-deps
	$(BIN)/ruff check .
	@rc=0; $(BIN)/python -m pytest -q --durations=10 \
	  -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make: pytest collected no tests" >&2; exit 1; fi; \
	exit $$rc

image-check:
	scripts/image-check.sh

validate: $(RUN_STAMP)
	$(BIN)/genai-impact validate

clean:
	rm -rf build dist .pytest_cache .ruff_cache .e2e-artifacts src/*.egg-info
	find . -path ./$(VENV) -prune -o -path ./$(TOOLS) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
