#!/usr/bin/env bash
# Builds the whole test suite under a sanitizer and runs it.
#   (default)  AddressSanitizer + UBSan (RENSTRA_ASAN), Debug, into build-asan/; a report
#              stops the process that made it (halt_on_error), failing its test.
#   --tsan     ThreadSanitizer (RENSTRA_TSAN), Debug, into build-tsan/, with
#              tests/tsan/absl_mutex_hb.cc preloaded (Debian's absl::Mutex is not
#              instrumented) and the suppressions in tests/tsan.supp for reports inside
#              Debian's uninstrumented libraries (see docs/testing.md).
#   --only REGEX   run only the tests whose name matches (ctest -R)
#   JOBS=N sets the build parallelism (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

mode=asan
filter=()
while [ $# -gt 0 ]; do
  case "$1" in
    --tsan) mode=tsan; shift ;;
    --asan) mode=asan; shift ;;
    --only) [ $# -ge 2 ] || { echo "sanitize.sh: --only needs a regex" >&2; exit 2; }
      filter=(-R "$2"); shift 2 ;;
    *) echo "usage: deploy/sanitize.sh [--tsan] [--only REGEX]" >&2; exit 2 ;;
  esac
done

./deploy/install-deps.sh

if [ "${mode}" = asan ]; then
  dir=build-asan
  option=-DRENSTRA_ASAN=ON
  export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_init_order=1:check_initialization_order=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
else
  dir=build-tsan
  option=-DRENSTRA_TSAN=ON
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=${root}/tests/tsan.supp"
fi

cmake -S . -B "${dir}" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRENSTRA_TESTS=ON -DRENSTRA_BENCH=OFF \
  "${option}"
cmake --build "${dir}" -j"${JOBS:-$(nproc)}"
if [ "${mode}" = tsan ]; then
  # Makes Debian's uninstrumented absl::Mutex visible to TSan (tests/tsan/absl_mutex_hb.cc);
  # the e2e tests' renstrad and renstra processes inherit it.
  export LD_PRELOAD="${root}/${dir}/lib/librenstra_tsan_absl_hb.so"
fi
ctest --test-dir "${dir}" --output-on-failure -j2 "${filter[@]}"
