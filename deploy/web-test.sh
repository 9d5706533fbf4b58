#!/usr/bin/env bash
# Browser tests of the web console (tests/web/): Playwright (@playwright/test from npm,
# pinned by tests/web/package-lock.json) drives Debian's chromium against real renstrad
# and renstra-web processes (seeded, temp dir, port 0) that the tests start and stop.
# Nothing is downloaded at test time but the npm packages (no browser download).
#   BUILD_DIR (default build/) holds the binaries; they are built (Debug) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

./deploy/install-deps.sh --web
BUILD_DIR="${BUILD_DIR:-build}"
if [ ! -x "${BUILD_DIR}/bin/renstrad" ] || [ ! -x "${BUILD_DIR}/bin/renstra-web" ]; then
  cmake -S . -B "${BUILD_DIR}" -G Ninja -DCMAKE_BUILD_TYPE=Debug
  cmake --build "${BUILD_DIR}" --target renstrad renstra-web -j"${JOBS:-$(nproc)}"
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export RENSTRA_BIN
RENSTRA_BIN="$(cd "${BUILD_DIR}/bin" && pwd)"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
cd tests/web
npm ci --no-audit --no-fund
npx playwright test
