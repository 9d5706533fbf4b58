#!/usr/bin/env bash
# The long crash test: builds renstrad and renstra-crash, then kills renstrad with
# SIGKILL under load from 16 concurrent clients, 200 times by default, checking after
# every restart that every acknowledged command is in the log exactly once, that the
# hash chain and the signed Merkle tree verify, and that the projections equal a fresh
# replay (docs/reliability.md). Prints progress to stderr and the summary to stdout;
# exit status 0 when every check passed, 1 otherwise (the work directory is then kept).
#
#   deploy/crash-test.sh [--cycles 200] [--clients 16] [--seed N] [--keep] [...]
#
# Any flag of renstra-crash may follow (renstra-crash --help). BUILD_DIR (default
# build-crash) and BUILD_TYPE (default Release) choose the build; an existing build
# directory is reused as configured. JOBS=N sets the build parallelism (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build-crash}
if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" \
    -DRENSTRA_TESTS=ON -DRENSTRA_BENCH=OFF >&2
fi
cmake --build "$BUILD_DIR" --target renstrad renstra-crash -j"${JOBS:-$(nproc)}" >&2

exec "$BUILD_DIR/bin/renstra-crash" --renstrad="$BUILD_DIR/bin/renstrad" --cycles=200 "$@"
