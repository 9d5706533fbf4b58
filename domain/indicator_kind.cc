#include "domain/indicator_kind.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"

namespace renstra {
namespace {

struct Marker {
  std::string_view text;
  v1::IndicatorKind kind;
};
constexpr std::array<Marker, 9> kMarkers = {{
    {"[kumulatif]", v1::INDICATOR_KIND_CUMULATIVE},
    {"[cumulative]", v1::INDICATOR_KIND_CUMULATIVE},
    {"[stok]", v1::INDICATOR_KIND_STOCK},
    {"[posisi]", v1::INDICATOR_KIND_STOCK},
    {"[stock]", v1::INDICATOR_KIND_STOCK},
    {"[rasio]", v1::INDICATOR_KIND_RATE},
    {"[persentase]", v1::INDICATOR_KIND_RATE},
    {"[tingkat]", v1::INDICATOR_KIND_RATE},
    {"[rate]", v1::INDICATOR_KIND_RATE},
}};

constexpr std::array<std::string_view, 10> kRateFirstWords = {
    "persentase", "rasio", "tingkat",  "indeks",     "angka",
    "rata-rata",  "laju",  "proporsi", "prevalensi", "cakupan"};

constexpr std::array<std::string_view, 5> kStockWords = {"beroperasi", "yang aktif", "berfungsi",
                                                         "terakreditasi", "pegawai"};

constexpr std::array<std::string_view, 20> kCumulativeWords = {
    "mendapat",     "menerima",     "mengikuti", "peserta",   "disediakan",
    "dipelihara",   "pemeliharaan", "pengadaan", "didata",    "dijangkau",
    "ditangani",    "tertangani",   "dilayani",  "disusun",   "tersusun",
    "melaksanakan", "dilaksanakan", "hasil",     "terpenuhi", "dipulangkan"};

constexpr std::array<std::string_view, 6> kCumulativeUnits = {"dokumen",  "laporan",    "paket",
                                                              "kegiatan", "sertifikat", "kali"};

// The first of `words` that `lower` contains as a word start ("mendapat" in
// "yang mendapatkan"), or empty.
template <size_t N>
std::string_view FirstWordIn(std::string_view lower, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words) {
    for (size_t pos = lower.find(w); pos != std::string_view::npos; pos = lower.find(w, pos + 1)) {
      if (pos == 0 || !absl::ascii_isalpha(static_cast<unsigned char>(lower[pos - 1]))) return w;
    }
  }
  return {};
}

bool IsCount(const TargetValue& v) {
  return v.kind() == TargetValue::Kind::kNumber && v.NormalizedUnit() != "%";
}

}  // namespace

std::string_view KindName(v1::IndicatorKind kind) {
  switch (kind) {
    case v1::INDICATOR_KIND_CUMULATIVE:
      return "cumulative";
    case v1::INDICATOR_KIND_STOCK:
      return "stock";
    case v1::INDICATOR_KIND_RATE:
      return "rate";
    default:
      return "undetermined";
  }
}

std::string_view KindMarker(v1::IndicatorKind kind) {
  switch (kind) {
    case v1::INDICATOR_KIND_CUMULATIVE:
      return "[kumulatif]";
    case v1::INDICATOR_KIND_STOCK:
      return "[stok]";
    case v1::INDICATOR_KIND_RATE:
      return "[rasio]";
    default:
      return "";
  }
}

KindReading TakeKindMarker(std::string* statement) {
  const std::string lower = absl::AsciiStrToLower(*statement);
  for (const Marker& m : kMarkers) {
    if (!absl::EndsWith(lower, AsAbsl(m.text))) continue;
    statement->erase(statement->size() - m.text.size());
    while (!statement->empty() &&
           absl::ascii_isspace(static_cast<unsigned char>(statement->back()))) {
      statement->pop_back();
    }
    return {m.kind, absl::StrCat("marker ", AsAbsl(m.text))};
  }
  return {};
}

KindReading InferIndicatorKind(std::string_view statement, std::string_view unit) {
  if (unit == "%") return {v1::INDICATOR_KIND_RATE, "unit %"};
  const std::string lower = absl::AsciiStrToLower(AsAbsl(statement));
  for (std::string_view w : kRateFirstWords) {
    if (absl::StartsWith(lower, AsAbsl(w)) &&
        (lower.size() == w.size() ||
         !absl::ascii_isalpha(static_cast<unsigned char>(lower[w.size()])))) {
      return {v1::INDICATOR_KIND_RATE,
              absl::StrCat("statement begins \"", AsAbsl(statement.substr(0, w.size())), "\"")};
    }
  }
  const std::string_view stock = FirstWordIn(lower, kStockWords);
  const std::string_view cumulative = FirstWordIn(lower, kCumulativeWords);
  if (!stock.empty() && cumulative.empty()) {
    return {v1::INDICATOR_KIND_STOCK, absl::StrCat("statement says \"", AsAbsl(stock), "\"")};
  }
  if (stock.empty() && !cumulative.empty()) {
    return {v1::INDICATOR_KIND_CUMULATIVE,
            absl::StrCat("statement says \"", AsAbsl(cumulative), "\"")};
  }
  if (!stock.empty()) return {};  // words of both kinds: they decide nothing
  const std::string lower_unit = absl::AsciiStrToLower(AsAbsl(unit));
  for (std::string_view u : kCumulativeUnits) {
    if (lower_unit == u) {
      return {v1::INDICATOR_KIND_CUMULATIVE, absl::StrCat("unit \"", AsAbsl(unit), "\"")};
    }
  }
  return {};
}

std::optional<TargetValue> ExpectedEndTarget(v1::IndicatorKind kind,
                                             const std::map<int, TargetValue>& targets,
                                             int from_year, int to_year,
                                             const TargetValue& end_target) {
  if (kind == v1::INDICATOR_KIND_STOCK || kind == v1::INDICATOR_KIND_RATE) {
    for (auto it = targets.rbegin(); it != targets.rend(); ++it) {
      if (it->first < from_year || it->first > to_year || it->second.IsBlank()) continue;
      return it->second;
    }
    return std::nullopt;
  }
  if (kind != v1::INDICATOR_KIND_CUMULATIVE || !IsCount(end_target)) return std::nullopt;
  std::optional<Decimal> sum = Decimal();
  bool any = false;
  for (const auto& [year, v] : targets) {
    if (year < from_year || year > to_year || v.IsBlank()) continue;
    if (!IsCount(v) || v.NormalizedUnit() != end_target.NormalizedUnit()) return std::nullopt;
    sum = Decimal::CheckedAdd(*sum, v.low());
    if (!sum) return std::nullopt;
    any = true;
  }
  if (!any) return std::nullopt;
  return TargetValue::Number(*sum, end_target.unit());
}

KindReading KindFromFigures(const std::map<int, TargetValue>& targets, int from_year, int to_year,
                            const TargetValue& end_target) {
  if (end_target.IsBlank()) return {v1::INDICATOR_KIND_UNSPECIFIED, "no end-of-period target"};
  const std::optional<TargetValue> sum =
      ExpectedEndTarget(v1::INDICATOR_KIND_CUMULATIVE, targets, from_year, to_year, end_target);
  const std::optional<TargetValue> last =
      ExpectedEndTarget(v1::INDICATOR_KIND_STOCK, targets, from_year, to_year, end_target);
  const bool is_sum = sum.has_value() && *sum == end_target;
  const bool is_last = last.has_value() && *last == end_target;
  const std::string end = absl::StrCat("the end-of-period target ", end_target.Display());
  if (is_sum && !is_last) {
    return {v1::INDICATOR_KIND_CUMULATIVE,
            absl::StrCat("the table's figures: ", end, " is the sum of the yearly targets")};
  }
  if (is_last && !is_sum) {
    return {v1::INDICATOR_KIND_STOCK,
            absl::StrCat("the table's figures: ", end, " is the last year's target")};
  }
  if (is_sum) {
    return {v1::INDICATOR_KIND_UNSPECIFIED,
            absl::StrCat(end, " is both the sum of the yearly targets and the last year's")};
  }
  return {v1::INDICATOR_KIND_UNSPECIFIED,
          absl::StrCat(end, " is neither the sum of the yearly targets (",
                       sum ? sum->ToIndonesian() : std::string("none"), ") nor the last year's (",
                       last ? last->Display() : std::string("none"), ")")};
}

}  // namespace renstra
