#!/usr/bin/env bash
# Seeds the fuzz corpora from the seed document: writes OUT_DIR/<target>/ for each fuzz
# target (code_fuzz, money_fuzz, target_value_fuzz, tc27_fuzz, request_fuzz), one input
# per file, plus the hand-written import corpus for tc27_fuzz. Generated at run time
# (deploy/fuzz.sh calls it); nothing here is committed.
#
#   tests/fuzz/make_corpus.sh OUT_DIR [SEED_FILE]
#
# Needs bash, awk and protoc (request_fuzz inputs are FuzzRequest messages written as
# text format and encoded with `protoc --encode`).
set -euo pipefail

out=${1:?usage: make_corpus.sh OUT_DIR [SEED_FILE]}
root=$(cd "$(dirname "$0")/../.." && pwd)
seed=${2:-${root}/data/seed/renstra_dumai_2024.txt}
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT

for target in code_fuzz money_fuzz target_value_fuzz tc27_fuzz request_fuzz; do
  mkdir -p "${out}/${target}"
done

# The T-C.27 table: from its header ("Tujuan ... Kode") to the first non-blank line
# without a tab, as the parser reads it.
awk '/^Tujuan\t/ && /Kode/ {on = 1}
     on { if ($0 !~ /\t/ && $0 !~ /^[[:space:]]*$/) exit; print }' "${seed}" > "${work}/table.tsv"
if [ ! -s "${work}/table.tsv" ]; then
  echo "make_corpus: no T-C.27 table in ${seed}" >&2
  exit 1
fi

# write_lines DIR FILE: one corpus file per line of FILE.
write_lines() {
  local dir=$1 file=$2 n=0 line
  while IFS= read -r line || [ -n "${line}" ]; do
    n=$((n + 1))
    printf '%s' "${line}" > "${dir}/seed-${n}"
  done < "${file}"
}

# Cells without markup, one per line, distinct.
awk -F'\t' '{ for (i = 1; i <= NF; i++) { c = $i; gsub(/<\/?[a-z]+>/, "", c);
              gsub(/^[ ]+|[ ]+$/, "", c); if (c != "") print c } }' "${work}/table.tsv" |
  sort -u > "${work}/cells"

# Codes as written (a code cell is in one of the first three columns), and pairs of
# consecutive codes (code_fuzz checks their order).
awk -F'\t' '{ for (i = 1; i <= 3; i++) if ($i ~ /^[0-9]+(\.[0-9]+)+$/) { print $i; break } }' \
  "${work}/table.tsv" > "${work}/codes"
write_lines "${out}/code_fuzz" "${work}/codes"
awk 'NR > 1 { printf "%s\\n%s\n", prev, $0 } { prev = $0 }' "${work}/codes" > "${work}/pairs"
n=0
while IFS= read -r pair; do
  n=$((n + 1))
  printf '%b' "${pair}" > "${out}/code_fuzz/pair-${n}"
done < "${work}/pairs"

# Short cells (values, units, "-", "N/A") for both value parsers; the long ones are names.
awk 'length($0) <= 40' "${work}/cells" > "${work}/values"
write_lines "${out}/money_fuzz" "${work}/values"
write_lines "${out}/target_value_fuzz" "${work}/values"

# T-C.27: the whole table, the header with each window of five rows, and some windows as
# CSV (RFC 4180 quoting).
head -n 5 "${work}/table.tsv" > "${work}/header"
cp "${work}/table.tsv" "${out}/tc27_fuzz/table.tsv"
rows=$(wc -l < "${work}/table.tsv")
for ((start = 6; start <= rows; start += 5)); do
  { cat "${work}/header"; sed -n "${start},$((start + 4))p" "${work}/table.tsv"; } \
    > "${out}/tc27_fuzz/window-${start}.tsv"
done
for ((start = 6; start <= rows; start += 25)); do
  awk -F'\t' '{ line = ""
                for (i = 1; i <= NF; i++) {
                  c = $i
                  if (c ~ /[",]/) { gsub(/"/, "\"\"", c); c = "\"" c "\"" }
                  line = line (i > 1 ? "," : "") c
                }
                print line }' "${out}/tc27_fuzz/window-${start}.tsv" \
    > "${out}/tc27_fuzz/window-${start}.csv"
done

# The same windows with column 19 (Unit Kerja) written on the coded rows, in turn a
# Dinas Sosial division, another agency's bidang, a UPT, a text no unit takes and a blank:
# the export must write each back so the re-import places the node the same way.
for ((start = 6; start <= rows; start += 15)); do
  awk -F'\t' -v OFS='\t' '
    BEGIN { n = split("Bidang Rehabilitasi Sosial|Bidang Kesehatan Masyarakat|UPT Laboratorium " \
                      "Kesehatan|Bidang Pariwisata||sekretariat", units, "|") }
    $1 ~ /^[0-9]+(\.[0-9]+)+$/ || $2 ~ /^[0-9]+(\.[0-9]+)+$/ || $3 ~ /^[0-9]+(\.[0-9]+)+$/ {
      $19 = units[(k++ % n) + 1]
    }
    { print }' "${out}/tc27_fuzz/window-${start}.tsv" > "${out}/tc27_fuzz/units-${start}.tsv"
done

# request_fuzz: for each coded row, one request of each kind in FuzzRequest text format,
# with the code in canonical form where the API wants an indicator id.
awk -F'\t' '
  function canonical(code,    n, s, i, w, out) {
    n = split(code, s, ".")
    split("1 2 2 1 2 4", w, " ")
    out = ""
    for (i = 1; i <= n; i++) out = out (i > 1 ? "." : "") sprintf("%0" w[i] "d", s[i] + 0)
    return out
  }
  function clean(c) { gsub(/<\/?[a-z]+>/, "", c); gsub(/"/, "", c); gsub(/\\/, "", c); return c }
  {
    k = 0
    for (i = 1; i <= 3; i++) if ($i ~ /^[0-9]+(\.[0-9]+)+$/) { k = i; break }
    if (k == 0) next
    code = $k; depth = split(code, parts, ".")
    if (depth != 3 && depth != 5 && depth != 6) next
    indicator = clean($(k + 2)); target = clean($(k + 10))
    unit = target; sub(/^[0-9.,]+ ?/, "", unit)
    print canonical(code) "\t" code "\t" depth "\t" indicator "\t" unit
  }' "${work}/table.tsv" > "${work}/nodes"

n=0
encode() {
  n=$((n + 1))
  protoc --encode=renstra.fuzz.FuzzRequest -I "${root}/proto" -I "${root}/tests/fuzz" \
    "${root}/tests/fuzz/fuzz_request.proto" > "${out}/request_fuzz/seed-${n}"
}
value() {  # value(unit): a target of 12 in that unit
  if [ "$1" = "%" ]; then
    echo "{ kind: PERCENT low { units: 95 } unit: \"%\" written: \"95%\" }"
  else
    echo "{ kind: NUMBER low { units: 12 } unit: \"$1\" written: \"12 $1\" }"
  fi
}
while IFS=$'\t' read -r canonical written depth indicator unit; do
  v=$(value "${unit}")
  encode <<EOF
propose { title: "Ubah target" justification: "Hasil evaluasi 2024"
  changes { set_target { indicator_id: "${canonical}#1" year: 2025 value ${v} } } }
EOF
  encode <<EOF
propose { justification: "Penyesuaian pagu"
  changes { set_funding { node_code: "${written}" year: 2026
    amount { rupiah: 175000000 present: true written: "175.000.000" } } } }
EOF
  encode <<EOF
achievement { indicator_id: "${canonical}#1" year: 2024 value { yearly ${v} }
  evidence_ref: "BA-12/2024" }
correct { achievement { q1 ${v} q2 ${v} } evidence_ref: "BA-13/2024" note: "salah ketik" }
EOF
  encode <<EOF
spending { node_code: "${written}" year: 2024
  spent { rupiah: 42000000 present: true written: "42.000.000" } evidence_ref: "SP2D-7" }
EOF
  if [ "${depth}" = 6 ]; then
    encode <<EOF
propose { justification: "Nomenklatur 2025"
  changes { retire_sub_activity { code: "${written}" from_year: 2025 } } }
EOF
    encode <<EOF
propose { justification: "Indikator baru"
  changes { replace_indicator { indicator_id: "${canonical}#1" from_year: 2025
    statement: "Jumlah ${indicator:0:40}" unit: "Orang"
    targets { year: 2025 value { kind: NUMBER low { units: 40 } unit: "Orang" } } } }
  changes { set_funding { node_code: "${canonical}" year: 2025
    amount { rupiah: 1000000 present: true } } } }
EOF
  fi
  if [ "${depth}" = 5 ]; then
    encode <<EOF
propose { justification: "Sub kegiatan baru"
  changes { add_sub_activity { code: "${written}.99" name: "Sub kegiatan baru"
    indicator: "Jumlah laporan" unit: "Laporan"
    targets { year: 2025 value { kind: NUMBER low { units: 2 } unit: "Laporan" } }
    funding { year: 2025 amount { rupiah: 5000000 present: true } } } } }
EOF
  fi
done < "${work}/nodes"

# The hand-written import corpus (tests/domain/testdata/import/): other agencies' tables
# in other layouts and notations.
for table in "${root}"/tests/domain/testdata/import/*.tsv "${root}"/tests/domain/testdata/import/*.csv \
  "${root}"/tests/domain/testdata/import/*.txt; do
  [ -f "${table}" ] && cp "${table}" "${out}/tc27_fuzz/corpus-$(basename "${table}")"
done

for target in code_fuzz money_fuzz target_value_fuzz tc27_fuzz request_fuzz; do
  echo "make_corpus: ${target}: $(find "${out}/${target}" -type f | wc -l) inputs"
done
