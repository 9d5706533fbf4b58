#!/usr/bin/env bash
# Runs every performance benchmark of issue 6 in one go and prints one summary table;
# writes it, with the machine, the load and each benchmark's full output, to
# bench/RESULTS.md.
#
#   bench/run-all.sh            # from the repository root; may run as root
#
# What it does:
#   1. installs what it needs (deploy/install-deps.sh; postgresql-15 and libpq-dev);
#   2. builds Release in build-rel (-DRENSTRA_TESTS=OFF);
#   3. starts a private PostgreSQL 15 cluster (initdb, pg_ctl) in a temp dir on a free
#      port, synchronous_commit=on, fsync=on, and stops it at the end;
#   4. runs renstra_throughput_bench (gRPC vs PostgreSQL vs raw RocksDB, 1/16/64
#      clients), renstra_replay_bench (1,000,000 events: replay, start-up, memory) and
#      renstra_query_bench (plan reads under write load) and renstra_agencies_bench (40
#      agencies on one server: start-up, memory, one agency's GetPlan).
#
# Environment: BUILD_DIR (default build-rel), JOBS (build parallelism, default 2),
# RUN_SECONDS (per measurement, default 5), EVENTS (replay log size, default 1000000),
# WORK_DIR (where stores and the PostgreSQL cluster live; default BUILD_DIR/bench-work,
# i.e. on the repository's disk — never a tmpfs, or fsync costs nothing),
# RESULTS (default bench/RESULTS.md).
#
# Measurements taken while the machine does other work are noisy: the script records
# the load average before and after each benchmark; rerun when `uptime` is quiet.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-${ROOT}/build-rel}"
JOBS="${JOBS:-2}"
RUN_SECONDS="${RUN_SECONDS:-5}"
EVENTS="${EVENTS:-1000000}"
WORK_DIR="${WORK_DIR:-${BUILD_DIR}/bench-work}"
RESULTS="${RESULTS:-${ROOT}/bench/RESULTS.md}"
PG_BIN=/usr/lib/postgresql/15/bin

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi

log() { echo "run-all: $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# --- 1. packages ----------------------------------------------------------------------
"${ROOT}/deploy/install-deps.sh"
missing=()
for package in postgresql-15 libpq-dev; do
  if ! dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("${package}")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "${missing[@]}"
fi

# --- 2. build -------------------------------------------------------------------------
log "building Release in ${BUILD_DIR} (-j${JOBS})"
cmake -S "${ROOT}" -B "${BUILD_DIR}" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRENSTRA_TESTS=OFF \
  >/dev/null
cmake --build "${BUILD_DIR}" -j "${JOBS}" --target renstrad renstra_throughput_bench \
  renstra_replay_bench renstra_query_bench renstra_agencies_bench
BIN="${BUILD_DIR}/bin"

# --- 3. PostgreSQL ----------------------------------------------------------------------
mkdir -p "${WORK_DIR}"
RUN_DIR="$(mktemp -d "${WORK_DIR}/run.XXXXXX")"
PG_DATA="${RUN_DIR}/pg"
OUT="${RUN_DIR}/out"
mkdir -p "${OUT}"
# initdb and postgres refuse to run as root: run them as the postgres user then.
AS_PG=()
if [ "$(id -u)" -eq 0 ]; then
  AS_PG=(runuser -u postgres --)
  chmod 755 "${RUN_DIR}"
  mkdir -p "${PG_DATA}"
  chown postgres: "${PG_DATA}"
  if ! runuser -u postgres -- test -w "${PG_DATA}"; then
    log "the postgres user cannot reach ${PG_DATA}; set WORK_DIR to a directory it can"
    exit 1
  fi
fi
PG_PORT=54329
while (echo >"/dev/tcp/127.0.0.1/${PG_PORT}") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done

cleanup() {
  if [ -f "${PG_DATA}/postmaster.pid" ]; then
    "${AS_PG[@]}" "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "${RUN_DIR}"
}
trap cleanup EXIT

log "PostgreSQL 15 cluster in ${PG_DATA} on 127.0.0.1:${PG_PORT}"
"${AS_PG[@]}" "${PG_BIN}/initdb" -D "${PG_DATA}" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"${OUT}/initdb.log"
"${AS_PG[@]}" "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -l "${PG_DATA}/server.log" -w \
  -o "-p ${PG_PORT} -k ${PG_DATA} -c listen_addresses=127.0.0.1 -c max_connections=200 \
      -c synchronous_commit=on -c fsync=on" start >/dev/null
"${PG_BIN}/psql" -h 127.0.0.1 -p "${PG_PORT}" -U postgres -qc "CREATE DATABASE bench" postgres
PG_CONNINFO="host=127.0.0.1 port=${PG_PORT} dbname=bench user=postgres"

# --- 4. the benchmarks ------------------------------------------------------------------
declare -A LOAD_BEFORE LOAD_AFTER COMMAND
quoted() {  # the arguments as a shell command line, for the record
  local out="" arg
  for arg in "$@"; do
    if [[ "${arg}" =~ [[:space:]] ]]; then arg="'${arg}'"; fi
    out="${out:+${out} }${arg}"
  done
  echo "${out}"
}
run() {  # name command...
  local name="$1"
  shift
  COMMAND[${name}]="$(quoted "$@")"
  LOAD_BEFORE[${name}]="$(loadavg)"
  log "${name}: $* (load ${LOAD_BEFORE[${name}]})"
  "$@" 2>&1 | tee "${OUT}/${name}.txt" >&2
  LOAD_AFTER[${name}]="$(loadavg)"
}
STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')"
run throughput "${BIN}/renstra_throughput_bench" --seconds "${RUN_SECONDS}" \
  --pg "${PG_CONNINFO}" --pg_data "${PG_DATA}" --work_dir "${RUN_DIR}"
"${AS_PG[@]}" "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -m fast stop >/dev/null
run replay "${BIN}/renstra_replay_bench" --events "${EVENTS}" --rounds 3 --work_dir "${RUN_DIR}"
run query "${BIN}/renstra_query_bench" --seconds "${RUN_SECONDS}" --work_dir "${RUN_DIR}"
run agencies "${BIN}/renstra_agencies_bench" --agencies 40 --seconds "${RUN_SECONDS}" \
  --work_dir "${RUN_DIR}"

# --- 5. the summary ---------------------------------------------------------------------
CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
CORES="$(nproc)"
MEM="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
OS="$(. /etc/os-release && echo "${PRETTY_NAME}"), kernel $(uname -r)"
DISK_FS="$(df -hT "${WORK_DIR}" | awk 'NR == 2 {print $1 " (" $2 ", " $3 ")"}')"
DISK_DEV="$(lsblk -dno NAME,SIZE,ROTA,TYPE,MODEL 2>/dev/null | awk '$4 == "disk" && $2 != "0B"' \
  | sed 's/  */ /g' | paste -sd ';' -)"

cat "${OUT}"/*.txt | grep '^SUMMARY|' | awk -F'|' '
function ratio(a, b) { return (b > 0 && a != "-" && b != "-") ? sprintf("%.2f×", a / b) : "-" }
function n(x,   t, out) {  # 1234567 -> 1,234,567
  if (x == "-" || x == "") return x
  t = sprintf("%.0f", x); out = ""
  while (length(t) > 3) { out = "," substr(t, length(t) - 2) out; t = substr(t, 1, length(t) - 3) }
  return t out
}
function s(c) { return c == 1 ? "1 client" : c " clients" }
$2 == "throughput" {
  c = $3; order[++nc] = c
  ren[c] = $4; pg[c] = $5; store[c] = $6; raw[c] = $7
  rcpu[c] = $8; pcpu[c] = $9; rcl[c] = $11; pcl[c] = $12
}
$2 == "floor" { floor[$3] = $4 }
$2 == "replay" {
  ev = $3; rawscan = $4; replay = $5; hash = $6; start = $7; seedstart = $8; hwm = $9
  seedhwm = $11; projmb = $12; snapstart = $13; snaphwm = $14
}
$2 == "query" {
  q[++nq] = sprintf("| %s p50 / p99 ms, %d readers + %d writers (baseline: readers alone) | %s / %s | %s / %s | %s / %s | |", \
    $3, $4, $5, $8, $9, $6, $7, ratio($8, $6), ratio($9, $7))
  q[++nq] = sprintf("| %s reads/s with the writers (baseline: alone); writes/s meanwhile | %s; %s writes/s | %s | %s | |", \
    $3, n($11), n($12), n($10), ratio($11, $10))
}
$2 == "planreads" {
  q[++nq] = sprintf("| GetPlan reads/s, %d readers + %d writers: cached vs a pre-serialized blob of the plan size through the same server path | %s | %s | %s | ≥ 0.8× |", \
    $3, $4, n($5), n($7), ratio($5, $7))
  q[++nq] = sprintf("| GetPlan reads/s, %d readers + %d writers: uncached (--plan_read_cache=false) vs the same blob | %s | %s | %s | |", \
    $3, $4, n($6), n($7), ratio($6, $7))
  q[++nq] = sprintf("| GetPlan p99 ms, open loop %s reads/s with the writers: cached vs uncached | %s | %s | %s | ≤ 5 ms |", \
    $8, $9, $10, ratio($9, $10))
}
$2 == "agencies" {
  a[++na] = sprintf("| renstrad start-up (s): %d agencies (%s events) vs the seed agency alone | %s | %s | %s | |", \
    $3, n($4), $6, $5, ratio($6, $5))
  a[++na] = sprintf("| renstrad VmRSS after reading (MB): %d agencies vs the seed agency alone | %s | %s | %s | |", \
    $3, n($8 / 1024), n($7 / 1024), ratio($8, $7))
  a[++na] = sprintf("| GetPlan reads/s of the default agency: %d agencies on the server vs it alone | %s | %s | %s | ≈ 1× |", \
    $3, n($10), n($9), ratio($10, $9))
  a[++na] = sprintf("| GetPlan p99 ms of the default agency: %d agencies on the server vs it alone | %s | %s | %s | ≈ 1× |", \
    $3, $13, $12, ratio($13, $12))
  a[++na] = sprintf("| GetPlan reads/s of the last of %d agencies vs the default agency alone | %s | %s | %s | |", \
    $3, n($11), n($9), ratio($11, $9))
}
END {
  for (i = 1; i <= nc; ++i) {
    c = order[i]
    printf "| durable commands/s, %s: renstrad (gRPC Propose) vs PostgreSQL 15 | %s | %s | %s | %s |\n", \
      s(c), n(ren[c]), n(pg[c]), ratio(ren[c], pg[c]), (c == 64 ? "≥ 3×" : "")
  }
  for (i = 1; i <= nc; ++i) {
    c = order[i]
    printf "| renstrad commands/s ÷ a gRPC call that does no work (GetHead: the ceiling of any command here), %s | %s | %s | %s | |\n", \
      s(c), n(ren[c]), n(floor[c]), ratio(ren[c], floor[c])
  }
  for (i = 1; i <= nc; ++i) {
    c = order[i]
    printf "| renstrad commands/s ÷ the disk (raw synced RocksDB Puts, same size), %s | %s | %s | %s | |\n", \
      s(c), n(ren[c]), n(raw[c]), ratio(ren[c], raw[c])
  }
  for (i = 1; i <= nc; ++i) {
    c = order[i]
    printf "| the store alone (RocksDbEventStore::Append, in-process) ÷ the disk, %s | %s | %s | %s | |\n", \
      s(c), n(store[c]), n(raw[c]), ratio(store[c], raw[c])
  }
  c = order[nc]
  printf "| CPU µs per command, %s, server side: renstrad vs all PostgreSQL processes | %s | %s | %s | |\n", \
    s(c), rcpu[c], pcpu[c], ratio(rcpu[c], pcpu[c])
  printf "| CPU µs per command, %s, client side: gRPC client vs libpq client | %s | %s | %s | |\n", \
    s(c), rcl[c], pcl[c], ratio(rcl[c], pcl[c])
  if (ev != "") {
    printf "| replay of %s events into all projections (s) vs raw RocksDB scan + decode | %s | %s | %s | ≤ 2× |\n", \
      n(ev), replay, rawscan, ratio(replay, rawscan)
    printf "| Merkle tree of the %s events, hashed at every start (s) | %s | | | |\n", n(ev), hash
    printf "| renstrad start-up, exec to ready line (s): %s events vs the seed only | %s | %s | %s | |\n", \
      n(ev), start, seedstart, ratio(start, seedstart)
    printf "| renstrad peak RSS, VmHWM (MB): %s events vs the seed only | %s | %s | %s | |\n", \
      n(ev), n(hwm), n(seedhwm), ratio(hwm, seedhwm)
    printf "| memory the projections of %s events take (MB, RSS growth of one replay) | %s | | | |\n", \
      n(ev), n(projmb)
    if (snapstart != "") {
      printf "| renstrad start-up (s), %s events: from a snapshot vs replaying the log | %s | %s | %s | ≤ 1 s |\n", \
        n(ev), snapstart, start, ratio(snapstart, start)
      printf "| renstrad peak RSS, VmHWM (MB), %s events: from a snapshot vs replaying the log | %s | %s | %s | |\n", \
        n(ev), n(snaphwm), n(hwm), ratio(snaphwm, hwm)
    }
  }
  for (i = 1; i <= nq; ++i) print q[i]
  for (i = 1; i <= na; ++i) print a[i]
}' >"${OUT}/rows.md"

TABLE="$(
  echo "| measure | renstra | baseline | ratio | target |"
  echo "|---|---|---|---|---|"
  cat "${OUT}/rows.md"
)"
echo
echo "${TABLE}"

{
  echo "# Benchmark results"
  echo
  echo "Produced by \`bench/run-all.sh\` (RUN_SECONDS=${RUN_SECONDS}, EVENTS=${EVENTS}); each"
  echo "ratio is against a baseline measured in the same run. Do not compare absolute"
  echo "figures across machines; compare the ratios."
  echo
  echo "- date: ${STARTED}"
  echo "- machine: ${CPU_MODEL}, ${CORES} cores, ${MEM}; ${OS}"
  echo "- disk: ${DISK_FS}; block devices: ${DISK_DEV}"
  echo "- build: Release (\`${BUILD_DIR#"${ROOT}/"}\`, -DRENSTRA_TESTS=OFF), $(g++ --version | head -1)"
  echo "- load average (1, 5, 15 min) before → after each benchmark:"
  for name in throughput replay query agencies; do
    echo "  - ${name}: ${LOAD_BEFORE[${name}]} → ${LOAD_AFTER[${name}]}"
  done
  echo "- clients, server and PostgreSQL share the machine's cores; every client has its own"
  echo "  connection."
  echo
  echo "${TABLE}"
  echo
  echo "## How each figure is measured"
  echo
  echo "- **durable commands/s**: \`renstra_throughput_bench\` — closed-loop clients, each"
  echo "  command acknowledged only after fsync. renstrad: \`WorkflowService.Propose\` over"
  echo "  gRPC on loopback (demo users; one new proposal stream per command, its own request"
  echo "  id). PostgreSQL: the same envelope bytes, one transaction per command with the"
  echo "  expected-version check (see \`bench/pg_load.h\`), synchronous_commit=on, fsync=on."
  echo "- **raw synced RocksDB Puts**: values of the envelope's size, \`sync = true\`, same"
  echo "  clients: the most synced writes this disk gives RocksDB (\`bench/raw_rocksdb.h\`)."
  echo "- **replay**: \`renstra_replay_bench\` — a log of seed + proposals + realization records"
  echo "  (\`bench/event_mix.h\`), \`PlanApp::Recover\` vs a raw scan of the events column"
  echo "  family decoding each envelope and payload; medians of 3."
  echo "- **start-up / peak RSS**: renstrad exec → ready line, VmHWM read once ready; medians"
  echo "  of 3 starts."
  echo "- **query latency**: \`renstra_query_bench\` — closed-loop readers; writers send Propose;"
  echo "  three renstrads: --plan_read_cache=false, the default cache, and"
  echo "  --bench_frozen_plan_reads (the blob: GetPlan answers a pre-serialized plan, no plan work)."
  echo "  Open loop: reads on a fixed schedule, latency from when each was due."
  echo "- **agencies**: \`renstra_agencies_bench\` — one server grown from the seed agency to 40"
  echo "  (each the seed's plan, 20 proposals, 20 realizations); restarted before each"
  echo "  measurement; 8 closed-loop readers of one agency's GetPlan."
  echo
  echo "## Commands"
  echo
  echo "Everything above: \`bench/run-all.sh\` from the repository root (root, or sudo for"
  echo "apt-get). What it ran, \$WORK being its temp dir under WORK_DIR (${WORK_DIR#"${ROOT}/"}):"
  echo
  echo '```sh'
  echo "initdb -D \$WORK/pg -U postgres --auth=trust -E UTF8 --locale=C.UTF-8"
  echo "pg_ctl -D \$WORK/pg -w -o \"-p ${PG_PORT} -k \$WORK/pg -c listen_addresses=127.0.0.1 \\"
  echo "  -c max_connections=200 -c synchronous_commit=on -c fsync=on\" start"
  echo "psql -h 127.0.0.1 -p ${PG_PORT} -U postgres -c 'CREATE DATABASE bench' postgres"
  for name in throughput replay query agencies; do
    echo "${COMMAND[${name}]}" | sed "s|${RUN_DIR}|\$WORK|g; s|${ROOT}/||g"
  done
  echo '```'
  echo
  echo "## Full output"
  for name in throughput replay query agencies; do
    echo
    echo "### ${name}"
    echo
    echo '```'
    grep -v '^SUMMARY|' "${OUT}/${name}.txt" | sed "s|${RUN_DIR}|\$WORK|g"
    echo '```'
  done
} >"${RESULTS}"
log "wrote ${RESULTS}"
