#!/usr/bin/env bash
# Installs the packages, builds everything with the tests (Debug, into build/), checks
# the layering rules, and runs the whole test suite: ctest, then the web console's
# browser tests (deploy/web-test.sh: Playwright on Debian's chromium, with these binaries).
#   JOBS=N sets the build parallelism (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."

./deploy/install-deps.sh

# Every layer includes only what it may depend on (docs/architecture.md, "Layers").
./deploy/check-layers.sh

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRENSTRA_TESTS=ON
cmake --build build -j"${JOBS:-$(nproc)}"
ctest --test-dir build --output-on-failure -j2

# The console in a real browser, against the renstrad and renstra-web just built.
BUILD_DIR=build ./deploy/web-test.sh
