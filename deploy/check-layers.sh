#!/usr/bin/env bash
# Checks the layering rules of docs/architecture.md ("Layers") by grepping each layer's
# #include lines: a layer may include only what its arrow names. The link lines stop
# calls across layers; this stops header-only code from slipping through.
# Exit status 1 (and the offending lines) if any rule is broken.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
# forbid DIR REGEX REASON [ALLOW]: no file under DIR may #include a header matching
# REGEX, except headers matching ALLOW.
forbid() {
  local dir=$1 regex=$2 reason=$3 allow=${4:-^$}
  if grep -rnE "#include *[<\"]($regex)" "$dir" | grep -vE "#include *[<\"]($allow)"; then
    echo "check-layers: $dir/ $reason (see above)" >&2
    status=1
  fi
}

ours='domain/|storage/|services/|clients/|audit/|base/|workbook/|renstra/'
io='grpcpp|grpc/|grpc\+\+|rocksdb/'

forbid base "$ours|google/|$io" "includes nothing of ours (but base/) and no protobuf, gRPC or RocksDB" \
  "base/"
forbid base "absl/" "uses only Abseil's status types" "absl/status/"
forbid workbook "$ours|google/|$io" \
  "reads .xlsx files: includes only itself and base/, no protobuf, gRPC or RocksDB" "base/|workbook/"
forbid domain "storage/|services/|clients/|audit/|workbook/|$io" "is pure: only base/ and proto, no gRPC or RocksDB"
forbid storage "services/|clients/|audit/|domain/|grpcpp|grpc/|grpc\+\+" \
  "links no gRPC, services, clients, audit or domain"
forbid audit "domain/|storage/|services/|clients/|renstra/|google/|$io" \
  "links only base/, Abseil and OpenSSL"
# storage/envelope_hash.h is renstra_envelope (the canonical envelope bytes), not the
# store; the four domain headers are renstra_domain_values' pure value types.
forbid clients "domain/|storage/|services/|rocksdb/" \
  "links only the stubs, audit/, base/, storage/envelope_hash.h and the domain's value types" \
  "storage/envelope_hash\.h|domain/(decimal|money|target_value|division)\.h"
exit $status
