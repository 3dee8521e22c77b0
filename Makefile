# Branch to Prod. `make serve` builds and serves the app; `make test` runs every
# test. Both install what they need from the package registries only
# (crates.io, npm, Debian); Trunk's own downloads are switched off.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen that Cargo.lock resolves.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
E2E := tests/e2e
CARGO_BIN := $(HOME)/.cargo/bin
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
PYTHON ?= python3
VENV := $(CURDIR)/.venv

# npm's wasm-opt (binaryen 132) must come before any system one.
export PATH := $(CARGO_BIN):$(CURDIR)/$(E2E)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export TRUNK_OFFLINE := true
export CHROMIUM

.PHONY: help serve build test lint test-native test-wasm test-e2e bench fuzz tools browser-tools python-tools clean

help:
	@echo "make serve   build and serve the app on http://127.0.0.1:8080"
	@echo "make test    every check and test (fmt, clippy, engine, wasm components, end to end)"
	@echo "make bench   size, load-time and engine-speed figures beside their budgets"
	@echo "make fuzz    long randomized runs of the parsers and the engine"

# ---- tools -----------------------------------------------------------------
tools: $(E2E)/node_modules/.installed
	@command -v cargo >/dev/null || { echo "cargo is missing: install rustup (https://rustup.rs), then re-run." >&2; exit 1; }
	@rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" || cargo install --locked trunk --version $(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@cargo fetch --locked --quiet

$(E2E)/node_modules/.installed: $(E2E)/package.json $(E2E)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20+ and npm, then re-run." >&2; exit 1; }
	cd $(E2E) && npm ci --no-audit --no-fund
	@touch $@

# Chromium and ChromeDriver from Debian's packages, for wasm and end-to-end tests.
browser-tools:
	@if [ ! -x "$(CHROMIUM)" ] || [ ! -x "$(CHROMEDRIVER)" ]; then \
	  if command -v apt-get >/dev/null; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver; \
	  else \
	    echo "Chromium is needed at $(CHROMIUM) and ChromeDriver at $(CHROMEDRIVER), and there is no apt-get here." >&2; \
	    echo "Install both, then point at them: make test CHROMIUM=/path/to/chromium CHROMEDRIVER=/path/to/chromedriver" >&2; \
	    exit 1; \
	  fi; \
	fi

# The real app's Python runtime (tests/python/requirements.txt, from PyPI) in
# a local virtualenv, for the differential tests against python-dotenv.
python-tools: $(VENV)/.installed

$(VENV)/.installed: tests/python/requirements.txt
	@command -v $(PYTHON) >/dev/null || { \
	  echo "Python 3.9+ is needed to test against the real main.py and python-dotenv, and '$(PYTHON)' is missing." >&2; \
	  echo "Install it (Debian: apt-get install python3 python3-venv), or point at one: make test PYTHON=/path/to/python3" >&2; \
	  exit 1; }
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "'$(PYTHON) -m venv' failed: the venv module is missing (Debian: apt-get install python3-venv)." >&2; exit 1; }
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt
	@touch $@

# ---- run ---------------------------------------------------------------------
# The app at every path, rebuilt on change.
serve: tools
	trunk serve

# One build for every page.
build: tools
	trunk build --release
	node scripts/postbuild.mjs dist

# ---- test --------------------------------------------------------------------
test: tools browser-tools python-tools lint test-native test-wasm test-e2e
	@echo "make test: all passed"

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy -p branch-to-prod --all-targets --target wasm32-unknown-unknown --locked -- -D warnings
	cargo clippy -p b2p-engine --lib --bins --target wasm32-unknown-unknown --locked -- -D warnings

test-native: python-tools
	B2P_PYTHON=$(VENV)/bin/python cargo test -p b2p-engine --locked
	cargo run --quiet --locked -p b2p-engine --bin b2p -- lessons check lessons
	cargo run --quiet --locked -p b2p-engine --bin b2p -- quiz check quiz/questions.quiz lessons
	cargo test -p branch-to-prod --lib --locked

test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/tests/webdriver.json \
	CHROMEDRIVER=$(CHROMEDRIVER) \
	cargo test -p branch-to-prod --target wasm32-unknown-unknown --test web --locked

test-e2e: build
	cd $(E2E) && npm test

# ---- measure -----------------------------------------------------------------
# The wasm's split by crate needs its function names: the same release wasm,
# through wasm-bindgen and wasm-opt -Oz again, with the name section kept.
NAMED := target/wasm-named

bench: tools browser-tools build
	cargo run --release --locked -p b2p-engine --example bench
	node scripts/bench.mjs dist
	rm -rf $(NAMED)
	wasm-bindgen --target web --keep-debug --out-dir $(NAMED) target/wasm32-unknown-unknown/release/branch-to-prod.wasm
	wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int $(NAMED)/branch-to-prod_bg.wasm -o $(NAMED)/named.wasm
	node scripts/wasm-split.mjs $(NAMED)/named.wasm dist/*_bg.wasm

fuzz: tools
	FUZZ_CASES=1000000 cargo test --release --locked -p b2p-engine --test fuzz -- --nocapture
	FUZZ_CASES=100000 cargo test --release --locked -p b2p-engine --test actions -- --nocapture

clean:
	cargo clean
	rm -rf dist $(E2E)/node_modules $(E2E)/artifacts $(VENV)
