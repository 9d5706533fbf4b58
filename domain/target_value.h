// TargetValue: a typed performance target, baseline or end-of-period condition as the
// official tables write them: "36 Dokumen", "139.700 Orang", "1349Orang", "100%",
// "4,19-4,90", "> 351", "> 201-350", "N/A", "-" and blank. Exact decimals, never double.
// Keeps the text as written. Value type; thread-compatible.
#ifndef RENSTRA_DOMAIN_TARGET_VALUE_H_
#define RENSTRA_DOMAIN_TARGET_VALUE_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "domain/decimal.h"
#include "renstra/v1/values.pb.h"

namespace renstra {

class TargetValue {
 public:
  enum class Kind {
    kEmpty,         // blank cell
    kNone,          // "-": nothing planned
    kNotAvailable,  // "N/A"
    kNumber,        // "36 Dokumen", "0"
    kPercent,       // "100%"
    kRange,         // "4,19-4,90"
    kBound,         // "> 351"
    kBoundRange,    // "> 201-350"
  };

  TargetValue() = default;  // kEmpty
  TargetValue(const TargetValue& other);
  TargetValue& operator=(const TargetValue& other);
  TargetValue(TargetValue&&) noexcept = default;
  TargetValue& operator=(TargetValue&&) noexcept = default;
  static TargetValue Number(Decimal value, std::string unit);
  static TargetValue Percent(Decimal value);
  static TargetValue None();
  static TargetValue NotAvailable();

  // Parses a cell (already stripped of markup). Numbers use Indonesian notation (see
  // Decimal). A unit is the trailing word(s) after the number, with or without a space
  // ("36 Dokumen", "1349Orang"). Bound operators: ">", ">=", "≥", "<", "<=", "≤".
  // "N/A", "n/a", "NA" are kNotAvailable; "-" (also "–") is kNone; blank is kEmpty.
  // INVALID_ARGUMENT naming the text and the reason otherwise (e.g. "abc", "4,19-",
  // "> ", "12,3,4").
  static absl::StatusOr<TargetValue> Parse(std::string_view text);

  Kind kind() const { return kind_; }
  // The number (kNumber, kPercent, kBound) or the low end of a range.
  const Decimal& low() const { return low_; }
  // The high end (kRange, kBoundRange).
  const Decimal& high() const { return high_; }
  // Unit as written ("Dokumen", "laporan"); "%" for kPercent; may be empty.
  const std::string& unit() const { return texts().unit; }
  // ">", ">=", "<" or "<=" (the two-character forms replace "≥"/"≤").
  const std::string& bound_op() const { return texts().bound_op; }
  const std::string& written() const { return texts().written; }

  // True for kEmpty, kNone and kNotAvailable: no number to compare or add.
  bool IsBlank() const;
  // Unit folded to lower case for comparisons ("Laporan" == "laporan"); "%" for percent.
  std::string NormalizedUnit() const;

  // Canonical Indonesian text: "36 Dokumen", "100%", "4,19-4,90", "> 351",
  // "> 201-350", "N/A", "-", "".
  std::string ToIndonesian() const;
  // The text as written if there is one, else ToIndonesian().
  std::string Display() const;

  // Same kind, numbers, normalized unit and operator (written form not compared).
  friend bool operator==(const TargetValue& a, const TargetValue& b);

  void ToProto(v1::TargetValue* out) const;
  static TargetValue FromProto(const v1::TargetValue& in);

 private:
  // The snapshot codec (services/snapshot_codec.h) stores and restores every field as is.
  friend struct SnapshotCodec;

  Kind kind_ = Kind::kEmpty;
  Decimal low_;
  Decimal high_;
  // The texts, kept out of line and only when one is not empty: most values held in
  // memory are blank (a realization's unstated quarters), and a value's size matters
  // when a replay holds hundreds of thousands of them.
  struct Texts {
    std::string unit;
    std::string bound_op;
    std::string written;
  };
  const Texts& texts() const;
  Texts& mutable_texts();

  std::unique_ptr<Texts> texts_;
};

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_TARGET_VALUE_H_
