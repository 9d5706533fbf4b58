// Money: whole Rupiah as int64, never floating point. Reads and prints the Indonesian
// format ("1.234.567"); "-" and blank cells are an absent amount. Keeps the text as
// written so official tables are exported exactly as the source wrote them.
// Value type; thread-compatible.
#ifndef RENSTRA_DOMAIN_MONEY_H_
#define RENSTRA_DOMAIN_MONEY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renstra/v1/values.pb.h"

namespace renstra {

class Money {
 public:
  // An absent amount (blank cell).
  Money() = default;
  static Money Rupiah(int64_t rupiah);
  static Money Absent(std::string written = "");

  // Accepts "1.234.567", "1234567", "Rp 1.234.567", "Rp1.234.567,00" (zero decimals
  // only), "0", "-" and "" (both absent). INVALID_ARGUMENT naming the text and reason
  // for anything else: letters, a fraction of a Rupiah, a negative amount, misplaced
  // thousands dots, more than int64 can hold.
  static absl::StatusOr<Money> Parse(std::string_view text);

  bool present() const { return present_; }
  // 0 when absent.
  int64_t rupiah() const { return rupiah_; }
  const std::string& written() const { return written_; }

  // Canonical Indonesian format: "1.234.567"; "-" when absent.
  std::string ToIndonesian() const;
  // The text as written if there is one, else ToIndonesian().
  std::string Display() const;

  // Same presence and amount (the written form is not compared).
  friend bool operator==(const Money& a, const Money& b) {
    return a.present_ == b.present_ && a.rupiah_ == b.rupiah_;
  }

  void ToProto(v1::Money* out) const;
  static Money FromProto(const v1::Money& in);

 private:
  // The snapshot codec (services/snapshot_codec.h) stores and restores every field as is.
  friend struct SnapshotCodec;

  int64_t rupiah_ = 0;
  bool present_ = false;
  std::string written_;
};

// "1.234.567" (negative: "-1.234.567") for any int64.
std::string FormatRupiah(int64_t rupiah);

// `text` without a leading "Rp", "Rp." or "Rp " (any case) and the spaces after it: the
// column heading already says Rupiah, but some cells repeat it. Parse() reads the
// number from this; the CLI keeps it as the written form of an amount typed with "Rp".
std::string_view WithoutCurrency(std::string_view text);

// a + b, or std::nullopt on int64 overflow.
std::optional<int64_t> CheckedAdd(int64_t a, int64_t b);

// a + b, clamped to the int64 range. For totals of plan cells, which the limits keep far
// below it (value_limits.h, plan_limits.h): only a log written before those limits can
// reach the clamp, and an impossible 9.223.372.036.854.775.807 then shows it, where
// skipping the amount would print a plausible, wrong total.
int64_t SaturatingAdd(int64_t a, int64_t b);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_MONEY_H_
