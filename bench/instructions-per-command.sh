#!/usr/bin/env bash
# Counts the instructions renstrad executes per durable command, for one or more renstrad
# binaries (e.g. two releases), with valgrind's callgrind: a count that does not depend on
# what else the machine is doing, unlike commands per second or CPU time. Use it to tell
# whether a change made the command path heavier when the machine is too busy for
# renstra_throughput_bench's rates to be compared.
#
#   bench/instructions-per-command.sh NAME=RENSTRAD[:USERS_FILE] ...
#   bench/instructions-per-command.sh old=/tmp/renstrad-old new=build-rel/bin/renstrad
#
# For each binary: starts it under callgrind with instrumentation off (the seed import
# and start-up are not counted) on a temporary data directory, makes one warm-up
# proposal, then counts N1 and, on a fresh server, N2 proposals by the CLI
# (`renstra propose --set-target ...` as the demo Kepala Bidang rehab; one proposal is
# four RPCs: the CLI reads the plan and the proposal around the Propose call). Prints
# the marginal count (I(N2) - I(N1)) / (N2 - N1), which leaves out the fixed cost of
# turning instrumentation on and dumping.
#
# Environment: CLI (default build/bin/renstra, any build), N1 (20), N2 (60),
# USERS (default deploy/users.demo.textproto), KEEP=1 keeps the callgrind files in
# WORK (default a temp dir) for callgrind_annotate.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CLI="${CLI:-${ROOT}/build/bin/renstra}"
N1="${N1:-20}"
N2="${N2:-60}"
USERS="${USERS:-${ROOT}/deploy/users.demo.textproto}"
WORK="${WORK:-$(mktemp -d)}"

command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[ -x "${CLI}" ] || { echo "no CLI at ${CLI} (build the renstra target or set CLI)" >&2; exit 2; }
[ $# -ge 1 ] || { sed -n '2,21p' "$0" >&2; exit 2; }

# Prints the instructions counted while `n` proposals ran against `bin`.
count() {
  local name=$1 bin=$2 users=$3 n=$4
  local out="${WORK}/${name}-${n}.callgrind" dir="${WORK}/${name}-${n}-data"
  local port=$((20000 + RANDOM % 20000))
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="${out}" \
    "${bin}" --listen="127.0.0.1:${port}" --data_dir="${dir}" --users="${users}" \
    >"${WORK}/${name}-${n}.log" 2>&1 &
  local pid=$!
  cli() { RENSTRA_TOKEN=$1 "${CLI}" --server "127.0.0.1:${port}" "${@:2}" >/dev/null; }
  for _ in $(seq 1 600); do cli demo-inspektorat-token --timeout 5 log head 2>/dev/null && break; sleep 1; done
  cli demo-rehab-token propose --justification "pemanasan" \
    --set-target "1.06.04.2.01.0001#1:2025=200 Orang"
  callgrind_control -i on "${pid}" >/dev/null 2>&1
  for i in $(seq 1 "${n}"); do
    cli demo-rehab-token propose --justification "Jumlah penerima bertambah ${i}" \
      --set-target "1.06.04.2.01.0001#1:2025=$((200 + i)) Orang"
  done
  callgrind_control -i off "${pid}" >/dev/null 2>&1
  callgrind_control -d "${pid}" >/dev/null 2>&1
  kill "${pid}"; wait "${pid}" 2>/dev/null || true
  # The dump made while running is <out>.1; the one at exit counts nothing.
  awk '/^totals:/ {print $2}' "${out}.1"
}

printf '%-12s %14s %14s %20s\n' binary "I(${N1})" "I(${N2})" "instructions/proposal"
for spec in "$@"; do
  name=${spec%%=*}; rest=${spec#*=}
  bin=${rest%%:*}; users=${USERS}
  [ "${rest}" != "${bin}" ] && users=${rest#*:}
  a=$(count "${name}" "${bin}" "${users}" "${N1}")
  b=$(count "${name}" "${bin}" "${users}" "${N2}")
  printf '%-12s %14s %14s %20s\n' "${name}" "${a}" "${b}" $(( (b - a) / (N2 - N1) ))
done
[ "${KEEP:-0}" = 1 ] && echo "callgrind files in ${WORK}" || rm -rf "${WORK}"
