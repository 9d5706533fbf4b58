#!/usr/bin/env bash
# Installs the packages, builds everything with the tests (Debug, into build/), checks
# the layering rule, and runs the whole test suite.
#   JOBS=N sets the build parallelism (default: nproc).
set -euo pipefail
cd "$(dirname "$0")/.."

./deploy/install-deps.sh

# domain/ is pure: no gRPC or RocksDB headers (docs/architecture.md, "Layers").
if grep -rnE '#include *[<"](grpcpp|grpc/|grpc\+\+|rocksdb/)' domain; then
  echo "test.sh: domain/ must not include gRPC or RocksDB headers (see above)" >&2
  exit 1
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRENSTRA_TESTS=ON
cmake --build build -j"${JOBS:-$(nproc)}"
ctest --test-dir build --output-on-failure -j2
