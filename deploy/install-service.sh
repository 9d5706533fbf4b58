#!/usr/bin/env bash
# Installs renstrad as a systemd service (deploy/renstrad.service). Run as root from a
# checkout where the binaries are built, e.g.
#
#   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DRENSTRA_TESTS=OFF
#   cmake --build build-rel --target renstrad renstra renstra-user
#   sudo deploy/install-service.sh build-rel
#
# Does: the system user and group `renstra`; renstrad, renstra and renstra-user into
# /usr/local/bin; /etc/renstra (root:renstra 0750) with renstrad.flags unless one is
# there already; /var/backups/renstra (renstra:renstra 0750) for online backups; the
# unit into /etc/systemd/system; docs/operations.md into /usr/local/share/doc/renstra;
# `systemctl daemon-reload` and `systemctl enable renstrad`. It does not start the
# service and never overwrites the flags file or a users file: see the steps it prints.
# Idempotent: run it again to upgrade the binaries (then `systemctl restart renstrad`).
# Exit status: 0 on success, 1 on failure (with the reason), 2 on bad usage.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "install-service: $*" >&2
  exit 1
}
case "${1:-}" in -h | --help)
  echo "usage: $0 [BUILD_DIR]   (default: build; needs BUILD_DIR/bin/renstrad, renstra, renstra-user)" >&2
  exit 2
  ;;
esac
[ $# -le 1 ] || {
  echo "usage: $0 [BUILD_DIR]" >&2
  exit 2
}
BUILD="${1:-build}"
[ "$(id -u)" -eq 0 ] || fail "run as root (sudo $0 ${BUILD})"
for binary in renstrad renstra renstra-user; do
  [ -x "${BUILD}/bin/${binary}" ] || fail "${BUILD}/bin/${binary} is missing: build it first"
done

getent group renstra >/dev/null || groupadd --system renstra
if ! id -u renstra >/dev/null 2>&1; then
  useradd --system --gid renstra --home-dir /var/lib/renstra --no-create-home \
    --shell /usr/sbin/nologin --comment "Renstra server" renstra
  echo "made the system user renstra"
fi

install -m 0755 "${BUILD}/bin/renstrad" "${BUILD}/bin/renstra" "${BUILD}/bin/renstra-user" \
  /usr/local/bin/
echo "installed /usr/local/bin/renstrad, renstra, renstra-user"

install -d -m 0750 -o root -g renstra /etc/renstra
if [ -e /etc/renstra/renstrad.flags ]; then
  echo "keeping /etc/renstra/renstrad.flags (compare with deploy/renstrad.flags)"
else
  install -m 0640 -o root -g renstra deploy/renstrad.flags /etc/renstra/renstrad.flags
  echo "installed /etc/renstra/renstrad.flags"
fi
install -d -m 0750 -o renstra -g renstra /var/backups/renstra
install -d -m 0755 /usr/local/share/doc/renstra
install -m 0644 docs/operations.md /usr/local/share/doc/renstra/operations.md
install -m 0644 deploy/renstrad.service /etc/systemd/system/renstrad.service
echo "installed /etc/systemd/system/renstrad.service"

if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable renstrad
else
  echo "systemd is not running here: run 'systemctl daemon-reload && systemctl enable renstrad' on the target"
fi

missing_users=""
[ -e /etc/renstra/users.textproto ] || missing_users="yes"
cat <<NEXT

Next:
${missing_users:+  - Make the users file (renstrad refuses to start without it; see docs/operations.md):
       renstra-user admin:ADMIN >> users.textproto      # prints the token once, on stderr
       install -m 0640 -o root -g renstra users.textproto /etc/renstra/users.textproto
}  - Review /etc/renstra/renstrad.flags (listen address, TLS).
  - systemctl start renstrad && journalctl -u renstrad -f
NEXT
