# Every target a person types is also what CI runs. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DOCS_STAMP := $(VENV)/.installed-docs
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

# Serving and building need the site's toolchain only; the test tools come second.
$(DOCS_STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the site's toolchain into $(VENV) (MkDocs, Material, NumPy, nnfs_ref; pinned in constraints.txt)"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[docs]"
	@touch $@

$(STAMP): $(DOCS_STAMP)
	@echo "Installing the test tools into $(VENV) (pytest, Playwright, mypy, ruff, hypothesis, nnfs)"
	@$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	@touch $@

.PHONY: install
install: $(STAMP)  ## Create .venv and install the pinned toolchain, the test tools and nnfs_ref (editable)

.PHONY: serve
serve: $(DOCS_STAMP)  ## Build the site and serve it at http://127.0.0.1:8000 with live reload
	NNFS_PRINT_BOOK=false $(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

.PHONY: build
build: $(DOCS_STAMP)  ## Build the site strictly into site/, with the offline zip (a failed build leaves site/ as it was)
	@# Each block runs once: the offline copy executes it, the site replays the result.
	@results=$$(mktemp -d -t nnfs-results-XXXXXX) && trap 'rm -rf "$$results"' EXIT && \
	export DOCS_BUILD_RESULTS="$$results" && \
	$(BIN)/python -m docs_build.site.release offline dist && \
	DIST_DIR=dist $(BIN)/python -m docs_build.site.safe_build site

.PHONY: wheel
wheel: $(DOCS_STAMP)  ## Build nnfs_ref's wheel and sdist into dist/ (no download; the same commit, the same bytes)
	$(BIN)/python -m docs_build.site.release wheel dist

.PHONY: offline
offline: $(DOCS_STAMP)  ## Build the offline copy (mkdocs-offline.yml, opens from file://) as dist/*.zip
	$(BIN)/python -m docs_build.site.release offline dist

.PHONY: pdf
pdf: $(DOCS_STAMP)  ## Print the book page of site/ (after make build) to dist/*.pdf with headless Chromium
	$(BIN)/python -m docs_build.site.release pdf site dist

.PHONY: lint
lint: $(STAMP)  ## Run ruff and mypy --strict
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

.PHONY: test
test: lint  ## Run lint, the doc tests, the package tests and the machinery tests
	$(BIN)/pytest $(PYTEST_ARGS)

# nnfs_ref's own tests: they need NumPy, pytest and hypothesis only (CI runs them on
# Windows and with the oldest NumPy nnfs_ref allows).
PACKAGE_TESTS := $(shell cat tests/package-tests.txt)

.PHONY: test-platform
test-platform: $(STAMP)  ## Doc tests and package tests, every block checked against its published output, then test-exhaustive
	@results=$$(mktemp -d -t nnfs-results-XXXXXX) && trap 'rm -rf "$$results"' EXIT && \
	DOCS_BUILD_RESULTS="$$results" $(BIN)/pytest -p no:cacheprovider -n 0 docs nnfs_ref $(PACKAGE_TESTS) && \
	$(BIN)/python -m docs_build.published check "$$results"
	$(MAKE) test-exhaustive

.PHONY: test-exhaustive
test-exhaustive: $(STAMP)  ## nnfs_ref's float32 exp and log over every input they meet, against the committed digests (~1 min)
	$(BIN)/pytest -p no:cacheprovider -n 0 -m exhaustive tests/test_exp_log_digest.py

.PHONY: test-codepaths
test-codepaths: $(STAMP)  ## The doc tests under each other OpenBLAS kernel family of this CPU (Nehalem, Sandybridge, Haswell on x86-64)
	$(BIN)/python -m tests.codepaths_run

.PHONY: published
published: $(STAMP)  ## Rewrite tests/data/published_outputs.json (every block's output digest) after a deliberate change
	@results=$$(mktemp -d -t nnfs-results-XXXXXX) && trap 'rm -rf "$$results"' EXIT && \
	DOCS_BUILD_RESULTS="$$results" $(BIN)/pytest -q -p no:cacheprovider -n 0 docs nnfs_ref && \
	$(BIN)/python -m docs_build.published write "$$results"

.PHONY: audit
audit: $(STAMP)  ## Lighthouse, page weight, layout shift and build time (not in make test)
	@test -x .lighthouse/node_modules/.bin/lighthouse || \
		npm install --silent --no-audit --no-fund --prefix .lighthouse lighthouse@12
	$(BIN)/python -m bench.audit

.PHONY: timings
timings: $(STAMP)  ## Time warm make test (wall, CPU, slowest 15), a strict build and make serve
	$(BIN)/python -m bench.timings

.PHONY: bench
bench: $(STAMP)  ## Time plain loops, nnfs_ref and raw NumPy, backprop, and the book's training run; writes docs/data/bench*.json
	$(BIN)/python -m bench

.PHONY: lock
lock:  ## Re-resolve the toolchain to its newest versions and rewrite constraints.txt
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e ".[test]"
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^nnfs[_-]ref' > constraints.txt
	rm -rf .lock-venv
	@echo "constraints.txt updated; run 'make test' and commit it."

.PHONY: clean
clean:  ## Remove the built site, dist/ and caches, make serve's too (keeps .venv)
	rm -rf site dist .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis

.PHONY: help
help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'
