#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/; clang, ASan+UBSan, into build-fuzz/), seeds
# their corpora from the seed document and runs each target for a while. Prints, per
# target, the executions, executions per second and corpus size; exits 1 if a target
# crashed, hung or broke an invariant (the input is kept in build-fuzz/crashes/TARGET/).
#   --seconds N    run each target N seconds (default 30)
#   --target NAME  run only NAME (repeatable; default: all five)
#   JOBS=N sets the build parallelism (default: nproc).
# The corpus grown by a run is kept in build-fuzz/corpus/ and reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS=(code_fuzz money_fuzz target_value_fuzz tc27_fuzz request_fuzz)
seconds=30
targets=()
usage() {
  echo "usage: deploy/fuzz.sh [--seconds N] [--target NAME]..." >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) [ $# -ge 2 ] || usage; seconds=$2; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    --target) [ $# -ge 2 ] || usage; targets+=("$2"); shift 2 ;;
    --target=*) targets+=("${1#*=}"); shift ;;
    -h | --help) usage ;;
    *) echo "fuzz.sh: unknown argument $1" >&2; usage ;;
  esac
done
[[ "${seconds}" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: --seconds needs a positive number" >&2; exit 2; }
[ "${#targets[@]}" -gt 0 ] || targets=("${ALL_TARGETS[@]}")
for t in "${targets[@]}"; do
  [[ " ${ALL_TARGETS[*]} " == *" ${t} "* ]] || { echo "fuzz.sh: no target ${t}" >&2; exit 2; }
done

./deploy/install-deps.sh --fuzz

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
  -DRENSTRA_FUZZ=ON -DRENSTRA_TESTS=OFF -DRENSTRA_BENCH=OFF
cmake --build build-fuzz -j"${JOBS:-$(nproc)}" --target renstra_fuzzers

# Seeds are regenerated from the seed document on every run; the working corpus (what
# libFuzzer adds) lives next to them and survives between runs.
rm -rf build-fuzz/corpus-seed
./tests/fuzz/make_corpus.sh build-fuzz/corpus-seed

failed=()
rows=()
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/${t}" "build-fuzz/crashes/${t}" build-fuzz/logs
  log="build-fuzz/logs/${t}.log"
  echo "fuzz.sh: running ${t} for ${seconds} s (log ${log})"
  status=0
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: 2 GB is a leak or blow-up.
  "build-fuzz/bin/${t}" -max_total_time="${seconds}" -print_final_stats=1 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="build-fuzz/crashes/${t}/" \
    "build-fuzz/corpus/${t}" "build-fuzz/corpus-seed/${t}" > "${log}" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "${log}" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "${log}" | tail -n 1)
  corpus=$(grep -ao 'corp: [0-9]*' "${log}" | tail -n 1 | sed 's/corp: //')
  result=ok
  if [ "${status}" -ne 0 ]; then
    result="FAILED (exit ${status})"
    failed+=("${t}")
  fi
  rows+=("$(printf '%-18s %12s %9s %8s  %s' "${t}" "${execs:-?}" "${rate:-?}" "${corpus:-?}" "${result}")")
done

echo
printf '%-18s %12s %9s %8s  %s\n' target execs exec/s corpus result
printf '%s\n' "${rows[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  for t in "${failed[@]}"; do
    echo
    echo "fuzz.sh: ${t} failed; the end of build-fuzz/logs/${t}.log:" >&2
    grep -av '^\[libprotobuf' "build-fuzz/logs/${t}.log" | tail -n 40 >&2
    echo "fuzz.sh: reproduce with: build-fuzz/bin/${t} build-fuzz/crashes/${t}/<file>" >&2
  done
  exit 1
fi
