#!/usr/bin/env bash
# Quick start on Debian 12: installs the packages, builds the server, the CLI and the
# web console (Release, into build/), starts renstrad in the background on
# 127.0.0.1:50051 with its data in ./var/renstra (the seed plan is imported on first
# start) and renstra-web beside it on http://127.0.0.1:8080, waits until both answer,
# and prints the console's URL, the demo logins and what to try next.
#
#   log: var/renstrad.log    pid: var/renstrad.pid    stop: kill "$(cat var/renstrad.pid)"
#   log: var/renstra-web.log pid: var/renstra-web.pid stop: kill "$(cat var/renstra-web.pid)"
#
# RENSTRA_LISTEN overrides renstrad's address, RENSTRA_WEB_LISTEN the console's.
set -euo pipefail
cd "$(dirname "$0")/.."

LISTEN="${RENSTRA_LISTEN:-127.0.0.1:50051}"
WEB_LISTEN="${RENSTRA_WEB_LISTEN:-127.0.0.1:8080}"
PID_FILE=var/renstrad.pid
LOG_FILE=var/renstrad.log
WEB_PID_FILE=var/renstra-web.pid
WEB_LOG_FILE=var/renstra-web.log

./deploy/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --target renstrad renstra renstra-web -j"$(nproc)"

# The readiness probes below call as the demo inspector (reads only).
renstra() { RENSTRA_TOKEN="${RENSTRA_TOKEN:-demo-inspektorat-token}" build/bin/renstra --server "${LISTEN}" "$@"; }

mkdir -p var
if [ -f "${PID_FILE}" ] && kill -0 "$(cat "${PID_FILE}")" 2>/dev/null; then
  echo "renstrad is already running (pid $(cat "${PID_FILE}")); not starting another."
elif renstra --timeout 2 log head >/dev/null 2>&1; then
  echo "A renstrad already answers at ${LISTEN}; not starting another."
else
  echo "Starting renstrad on ${LISTEN} (data var/renstra, log ${LOG_FILE})"
  # Demo users with published tokens (NOT FOR PRODUCTION; see the file's header).
  nohup build/bin/renstrad --listen="${LISTEN}" --data_dir=var/renstra \
    --users=deploy/users.demo.textproto >>"${LOG_FILE}" 2>&1 &
  echo $! >"${PID_FILE}"
fi

# Wait until it answers (the first start imports the seed plan).
for _ in $(seq 1 150); do
  if renstra --timeout 2 log head >/dev/null 2>&1; then
    break
  fi
  if [ -f "${PID_FILE}" ] && ! kill -0 "$(cat "${PID_FILE}")" 2>/dev/null; then
    echo "renstrad exited; the end of ${LOG_FILE}:" >&2
    tail -n 20 "${LOG_FILE}" >&2
    rm -f "${PID_FILE}"
    exit 1
  fi
  sleep 0.2
done
if ! renstra --timeout 2 log head >/dev/null 2>&1; then
  echo "renstrad does not answer at ${LISTEN}; see ${LOG_FILE}" >&2
  exit 1
fi

grep "renstrad listening on" "${LOG_FILE}" 2>/dev/null | tail -n 1 || true

# The web console beside it.
web_up() { curl -fsS -o /dev/null "http://${WEB_LISTEN}/masuk" 2>/dev/null; }
if [ -f "${WEB_PID_FILE}" ] && kill -0 "$(cat "${WEB_PID_FILE}")" 2>/dev/null; then
  echo "renstra-web is already running (pid $(cat "${WEB_PID_FILE}")); not starting another."
elif web_up; then
  echo "Something already answers at http://${WEB_LISTEN}; not starting renstra-web."
else
  nohup build/bin/renstra-web --listen="${WEB_LISTEN}" --server="${LISTEN}" \
    >>"${WEB_LOG_FILE}" 2>&1 &
  echo $! >"${WEB_PID_FILE}"
fi
for _ in $(seq 1 50); do
  web_up && break
  sleep 0.2
done
if ! web_up; then
  echo "renstra-web does not answer at http://${WEB_LISTEN}; see ${WEB_LOG_FILE}" >&2
  exit 1
fi

cat <<WEB

The web console (Konsol Renstra) is at   http://${WEB_LISTEN}/
Log in with a demo user (NOT FOR PRODUCTION; passwords in deploy/users.demo.textproto):

  rehab        / demo-rehab-sandi         Kepala Bidang Rehabilitasi Sosial
  dayasos      / demo-dayasos-sandi       Kepala Bidang Pemberdayaan Sosial
  kadis        / demo-kadis-sandi         Kepala Dinas
  inspektorat  / demo-inspektorat-sandi   Inspektorat
  # also linjamsos, dayamas, sekretariat, admin: demo-<user>-sandi

Stop the console:  kill "\$(cat ${WEB_PID_FILE})"
WEB
cat <<NEXT

renstrad is serving the Renstra at ${LISTEN} with the demo users of
deploy/users.demo.textproto (NOT FOR PRODUCTION). Every call needs a token; pick a user:

  export RENSTRA_TOKEN=demo-inspektorat-token   # inspektorat: reads everything, writes nothing
  export RENSTRA_TOKEN=demo-rehab-token         # rehab: Kepala Bidang Rehabilitasi Sosial
  export RENSTRA_TOKEN=demo-kadis-token         # kadis: Kepala Dinas, reviews and ratifies
  # also demo-linjamsos-token, demo-dayasos-token, demo-dayamas-token,
  #      demo-sekretariat-token, demo-admin-token (admin may import)

Then try:

  build/bin/renstra plan show | less                   # the plan as a tree
  build/bin/renstra plan show --code 1.06.04.2.01      # one kegiatan and its sub kegiatan
  build/bin/renstra plan show --code 1.06.04.2.01 --json
  build/bin/renstra plan export --table T-C.27 --format tsv --output tc27.tsv
  build/bin/renstra plan validate                      # every inconsistency, one per line
  build/bin/renstra log verify                         # check the event log's hash chain

As rehab, propose a change; as kadis, review and ratify it (see docs/cli.md):

  RENSTRA_TOKEN=demo-rehab-token build/bin/renstra propose --submit \\
      --justification "Jumlah penerima bertambah" --set-target "1.06.04.2.01.0001#1:2025=220 Orang"
  RENSTRA_TOKEN=demo-kadis-token build/bin/renstra inbox

As rehab, record a realization; then read the reports:

  RENSTRA_TOKEN=demo-rehab-token build/bin/renstra realize achievement \\
      --indicator "1.06.04.2.01.0001#1" --year 2022 --value "95 Orang" --evidence "LKJ 2022"
  build/bin/renstra report capaian --code 1.06.04
  build/bin/renstra report anggaran --code 1.06.04 --format html -o anggaran.html

As the inspectorate, pin the log's key and prove the history was not rewritten:

  build/bin/renstra audit pubkey -o renstra-key.pem
  build/bin/renstra audit verify --pubkey renstra-key.pem --state verified-head --event 1
  build/bin/renstra audit history --node 1.06.04.2.01.0001

Stop the server:   kill "\$(cat ${PID_FILE})"
NEXT
