# Two commands do all the setup on a fresh machine with Python 3.11:
#   make serve   builds the graph and serves it
#   make test    installs what the tests need and runs lint and tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
VENDOR_TMP := .vendor-tmp
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := all

all: lint test ## Lint and test (the default)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its test tools

build: $(STAMP) ## Build the graph into out/
	$(BIN)/kg build

serve: build ## Build the graph and serve it (SPARQL endpoint on http://127.0.0.1:8000/sparql)
	$(BIN)/kg serve

JOBS ?= auto

test: $(STAMP) browser owlapi virtuoso rdftools ## Run the test suite on every core (JOBS=1 for one process; installs the Debian packages below if missing)
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile

browser: ## Install Debian's Chromium for the browser tests, unless a chromium is already on the PATH
	@command -v chromium >/dev/null 2>&1 || [ -n "$$KG_CHROMIUM" ] || { \
	  $(SUDO) apt-get install -y -q chromium >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }; }

owlapi: ## Install Debian's OWL API and a JDK for the Protégé-compatibility test (tests/owlapi/LoadCheck.java)
	@{ [ -f /usr/share/java/owlapi-distribution.jar ] && command -v javac >/dev/null 2>&1; } || { \
	  $(SUDO) apt-get install -y -q libowlapi-java default-jdk-headless >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q libowlapi-java default-jdk-headless; } || \
	  echo "make: warning: could not install libowlapi-java and a JDK; the OWL API tests will skip and say so."; }

virtuoso: ## Install Debian's Virtuoso for the kg publish tests (each test run starts its own server on loopback ports)
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource; } || \
	  echo "make: warning: could not install virtuoso-opensource; the Virtuoso tests will skip and say so."; }

rdftools: ## Install Debian's rapper (raptor2-utils) and serdi, the outside parsers the export tests read every format with
	@{ command -v rapper >/dev/null 2>&1 && command -v serdi >/dev/null 2>&1; } || { \
	  $(SUDO) apt-get install -y -q raptor2-utils serdi >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q raptor2-utils serdi; } || \
	  echo "make: warning: could not install raptor2-utils and serdi; the rapper and serdi tests will skip and say so."; }

lint: $(STAMP) ## ruff check and ruff format --check
	$(BIN)/ruff check kg server tests benchmarks tools
	$(BIN)/ruff format --check kg server tests benchmarks tools

format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff format kg server tests benchmarks tools

vendor: ## Fetch the vendored front-end libraries again from the npm registry (needs npm)
	rm -rf $(VENDOR_TMP) && mkdir -p $(VENDOR_TMP)
	cd $(VENDOR_TMP) && npm install --silent --no-audit --no-fund --ignore-scripts @zazuko/yasgui@4.6.2 vis-network@10.1.2
	cp $(VENDOR_TMP)/node_modules/@zazuko/yasgui/build/yasgui.min.js $(VENDOR_TMP)/node_modules/@zazuko/yasgui/build/yasgui.min.css server/static/vendor/yasgui/
	cp $(VENDOR_TMP)/node_modules/vis-network/standalone/umd/vis-network.min.js $(VENDOR_TMP)/node_modules/vis-network/LICENSE-* server/static/vendor/vis-network/
	sed -i 's#//\# sourceMappingURL=.*$$##' server/static/vendor/yasgui/yasgui.min.js server/static/vendor/vis-network/vis-network.min.js
	sed -i 's#/\*\# sourceMappingURL=.*\*/##' server/static/vendor/yasgui/yasgui.min.css
	rm -rf $(VENDOR_TMP)

clean: ## Remove build outputs and caches (keeps .venv)
	rm -rf out .pytest_cache .ruff_cache test-output

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

.PHONY: all install build serve test browser owlapi virtuoso rdftools lint format vendor clean help
