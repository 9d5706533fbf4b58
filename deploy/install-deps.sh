#!/usr/bin/env bash
# Installs the Debian 12 packages the Renstra server needs to build, run and test.
# The one place the package list lives; quickstart.sh and test.sh call this script.
#   --fuzz  also the clang toolchain and its sanitizer/libFuzzer runtimes (fuzz.sh)
#   --web   also chromium, node and npm (web-test.sh)
# Uses sudo only when not run as root. Skips apt entirely when everything is present.
set -euo pipefail

PACKAGES=(
  cmake
  g++
  ninja-build
  pkg-config
  libgrpc++-dev
  protobuf-compiler-grpc
  libprotobuf-dev
  protobuf-compiler
  librocksdb-dev
  libabsl-dev
  libgtest-dev
  libgmock-dev
  libbenchmark-dev
  libspdlog-dev
  libcli11-dev
  libssl-dev
  openssl
  # --format xlsx: the CLI writes workbooks with libxlsxwriter; the tests read them back
  # with an independent reader, openpyxl (from Debian's /usr/bin/python3).
  libxlsxwriter-dev
  python3-openpyxl
  # import --file T-C.27.xlsx: renstrad unzips the workbook with libzip and reads its XML
  # with pugixml (workbook/).
  libzip-dev
  libpugixml-dev
  # --format pdf: headless Chromium prints the A4 layout; the tests read the PDF's text
  # with pdftotext/pdfinfo.
  chromium
  poppler-utils
  curl
  libargon2-dev
  libcpp-httplib-dev
)

# The web console's browser tests (deploy/web-test.sh): Playwright from npm drives
# Debian's chromium. Node and npm from Debian, unless a node with npm is installed
# already (NodeSource's nodejs bundles npm and conflicts with Debian's npm package).
WEB_PACKAGES=(chromium)
if ! command -v npm >/dev/null 2>&1; then
  WEB_PACKAGES+=(nodejs npm)
fi

# The fuzz targets (deploy/fuzz.sh) are built with clang 14 and link libFuzzer, which
# Debian ships with the sanitizer runtimes in libclang-rt-14-dev.
FUZZ_PACKAGES=(
  clang
  libclang-rt-14-dev
)

case "${1:-}" in
  --fuzz) PACKAGES+=("${FUZZ_PACKAGES[@]}") ;;
  --web) PACKAGES+=("${WEB_PACKAGES[@]}") ;;
  "") ;;
  *)
    echo "usage: install-deps.sh [--fuzz|--web]" >&2
    exit 2
    ;;
esac

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("${package}")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages are installed"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${SUDO[@]}" apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  "${missing[@]}"
