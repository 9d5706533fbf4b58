// Indicator kind: whether an indicator's yearly targets add up to its end-of-period
// target (cumulative: people served, documents produced each year), or the end of the
// period is the last year's value (stock: employees on the payroll, facilities
// operating; rate: a percentage, an index, a ratio).
//
// A T-C.27 table has no column for the kind, so it is read from the indicator itself,
// in this order, and the first rule that decides names its basis:
//  1. a marker ending the indicator cell: "[kumulatif]", "[stok]" (or "[posisi]"),
//     "[rasio]" (or "[persentase]", "[tingkat]"); English "[cumulative]", "[stock]",
//     "[rate]" too. The marker is not part of the statement.
//  2. a percentage (unit "%"): rate.
//  3. the statement's first word: "Persentase", "Rasio", "Tingkat", "Indeks", "Angka",
//     "Rata-rata", "Laju", "Proporsi", "Prevalensi", "Cakupan": rate.
//  4. the statement's wording: stock words ("beroperasi", "yang aktif", "berfungsi",
//     "terakreditasi", "pegawai") or cumulative words ("mendapat", "menerima",
//     "mengikuti", "peserta", "disediakan", "dipelihara", "pemeliharaan", "pengadaan",
//     "didata", "dijangkau", "ditangani", "tertangani", "dilayani", "disusun",
//     "tersusun", "melaksanakan", "dilaksanakan", "hasil", "terpenuhi",
//     "dipulangkan"); words of both kinds decide nothing.
//  5. the unit: "Dokumen", "Laporan", "Paket", "Kegiatan", "Sertifikat", "Kali" are
//     produced each year: cumulative.
// When none decides, the table's own figures may (KindFromFigures): an end-of-period
// target that is the sum of the yearly targets and not the last year's is cumulative,
// one that is the last year's and not the sum is a stock. Otherwise the kind is left
// undetermined, and the importer says so.
//
// Pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_INDICATOR_KIND_H_
#define RENSTRA_DOMAIN_INDICATOR_KIND_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/target_value.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

struct KindReading {
  v1::IndicatorKind kind = v1::INDICATOR_KIND_UNSPECIFIED;
  // Why, for people: "marker [stok]", "unit %", "statement begins \"Persentase\"",
  // "statement says \"mendapat\"", "unit \"Dokumen\"", "the table's figures: ...".
  std::string basis;
};

// "cumulative", "stock", "rate" or "undetermined".
std::string_view KindName(v1::IndicatorKind kind);

// The marker an export writes for `kind`: "[kumulatif]", "[stok]", "[rasio]"; empty
// for an undetermined kind.
std::string_view KindMarker(v1::IndicatorKind kind);

// Removes a trailing kind marker (rule 1) from `statement` (and the blanks before it);
// returns its kind, or an unspecified reading when the statement has none.
KindReading TakeKindMarker(std::string* statement);

// Rules 2-5 for a statement without a marker and the indicator's unit ("%" for
// percentages).
KindReading InferIndicatorKind(std::string_view statement, std::string_view unit);

// The end-of-period target the yearly targets in force (`targets`, year → value, years
// outside [from_year, to_year] ignored) give for `kind`: the sum of the count targets
// (all in the end target's unit) for cumulative, the last year's non-blank target for
// stock and rate. nullopt when it cannot be computed (no such target, mixed units, a
// sum too large, or an undetermined kind).
std::optional<TargetValue> ExpectedEndTarget(v1::IndicatorKind kind,
                                             const std::map<int, TargetValue>& targets,
                                             int from_year, int to_year,
                                             const TargetValue& end_target);

// Rule 6: the kind the figures show (see the file comment), or an unspecified reading
// whose basis says why they do not ("…is both the sum and the last year's value",
// "…is neither the sum (…) nor the last year's value (…)").
KindReading KindFromFigures(const std::map<int, TargetValue>& targets, int from_year, int to_year,
                            const TargetValue& end_target);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_INDICATOR_KIND_H_
