#!/usr/bin/env bash
# Makes TLS material for renstrad with the openssl command-line tool:
#
#   deploy/make-tls.sh DIR [HOSTNAME_OR_IP...]
#
#   DIR/ca.pem, DIR/ca.key          a local certificate authority (10 years)
#   DIR/server.pem, DIR/server.key  the server's certificate, signed by that CA (825 days),
#                                   for localhost, 127.0.0.1 and every name given
#
# Idempotent: files that are already right are kept. The CA is never replaced (clients
# pin it); the server certificate is re-issued only when it is missing, does not match
# its key or the CA, lacks a requested name, or expires within 30 days.
# Keys are EC P-256, readable by their owner only. Prints the flags to use.
# Exit status: 0 on success, 1 on failure (with the reason), 2 on bad usage.
set -euo pipefail

usage() {
  echo "usage: $0 DIR [HOSTNAME_OR_IP...]   (localhost and 127.0.0.1 are always included)" >&2
  exit 2
}
fail() {
  echo "make-tls: $*" >&2
  exit 1
}

[ $# -ge 1 ] || usage
case "$1" in -h | --help) usage ;; esac
DIR="$1"
shift
command -v openssl >/dev/null || fail "the openssl command is not installed (apt-get install openssl)"

# subjectAltName: DNS:localhost, IP:127.0.0.1, then the given names (IPs as IP:).
SAN="DNS:localhost,IP:127.0.0.1"
CN="localhost"
for name in "$@"; do
  if [[ "${name}" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ || "${name}" == *:* ]]; then
    entry="IP:${name}"
  elif [[ "${name}" =~ ^[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
    entry="DNS:${name}"
    [ "${CN}" != "localhost" ] || CN="${name}"
  else
    fail "\"${name}\" is neither a host name nor an IP address"
  fi
  case ",${SAN}," in *",${entry},"*) ;; *) SAN="${SAN},${entry}" ;; esac
done

mkdir -p "${DIR}"
umask 077
CA_PEM="${DIR}/ca.pem"
CA_KEY="${DIR}/ca.key"
SERVER_PEM="${DIR}/server.pem"
SERVER_KEY="${DIR}/server.key"

# --- The CA ---------------------------------------------------------------------------
if [ -f "${CA_PEM}" ] && [ -f "${CA_KEY}" ]; then
  echo "CA: keeping ${CA_PEM}"
elif [ -f "${CA_PEM}" ] || [ -f "${CA_KEY}" ]; then
  fail "only one of ${CA_PEM} and ${CA_KEY} exists; restore the other or remove both to make a new CA"
else
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "${CA_KEY}" 2>/dev/null
  openssl req -x509 -new -key "${CA_KEY}" -sha256 -days 3650 -out "${CA_PEM}" \
    -subj "/O=Renstra/CN=Renstra local CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null ||
    fail "openssl could not make the CA certificate"
  chmod 644 "${CA_PEM}"
  echo "CA: made ${CA_PEM} (give it to clients) and ${CA_KEY} (keep it secret)"
fi

# --- The server certificate -----------------------------------------------------------
# Why the current server certificate must be (re)issued; empty when it is fine.
server_problem() {
  [ -f "${SERVER_PEM}" ] && [ -f "${SERVER_KEY}" ] || {
    echo "missing"
    return
  }
  openssl verify -CAfile "${CA_PEM}" "${SERVER_PEM}" >/dev/null 2>&1 || {
    echo "not signed by ${CA_PEM}"
    return
  }
  [ "$(openssl x509 -in "${SERVER_PEM}" -noout -pubkey)" = \
    "$(openssl pkey -in "${SERVER_KEY}" -pubout 2>/dev/null)" ] || {
    echo "does not match ${SERVER_KEY}"
    return
  }
  openssl x509 -in "${SERVER_PEM}" -noout -checkend 2592000 >/dev/null || {
    echo "expires within 30 days"
    return
  }
  local have
  have="$(openssl x509 -in "${SERVER_PEM}" -noout -ext subjectAltName 2>/dev/null |
    tail -n +2 | tr -d ' ' | sed 's/IPAddress:/IP:/g')"
  local entry
  IFS=',' read -ra wanted <<<"${SAN}"
  for entry in "${wanted[@]}"; do
    case ",${have}," in *",${entry},"*) ;; *)
      echo "lacks ${entry}"
      return
      ;;
    esac
  done
}

problem="$(server_problem)"
if [ -z "${problem}" ]; then
  echo "server: keeping ${SERVER_PEM} (${SAN})"
else
  [ "${problem}" = "missing" ] || echo "server: re-issuing ${SERVER_PEM}: it ${problem}"
  work="$(mktemp -d)"
  trap 'rm -rf "${work}"' EXIT
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "${work}/server.key" \
    2>/dev/null
  openssl req -new -key "${work}/server.key" -sha256 -subj "/O=Renstra/CN=${CN}" \
    -out "${work}/server.csr" 2>/dev/null || fail "openssl could not make the certificate request"
  cat >"${work}/ext.cnf" <<EXT
subjectAltName=${SAN}
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
EXT
  openssl x509 -req -in "${work}/server.csr" -CA "${CA_PEM}" -CAkey "${CA_KEY}" \
    -set_serial "0x$(openssl rand -hex 16)" -sha256 -days 825 -extfile "${work}/ext.cnf" \
    -out "${work}/server.pem" 2>/dev/null || fail "openssl could not sign the server certificate"
  mv "${work}/server.key" "${SERVER_KEY}"
  mv "${work}/server.pem" "${SERVER_PEM}"
  chmod 644 "${SERVER_PEM}"
  echo "server: made ${SERVER_PEM} and ${SERVER_KEY} for ${SAN}"
fi

cat <<NEXT

Start the server with TLS:
  renstrad --tls_cert=${SERVER_PEM} --tls_key=${SERVER_KEY} ...
Clients pin the CA:
  renstra --ca ${CA_PEM} --server localhost:50051 ...   (the CLI; see docs/cli.md)
  grpcurl -cacert ${CA_PEM} localhost:50051 list
NEXT
