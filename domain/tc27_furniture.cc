#include "domain/tc27_furniture.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/code.h"
#include "domain/strings.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

constexpr std::string_view kEnDash = "\xE2\x80\x93";

// Removes `prefix` (case-insensitive) and the spaces after it.
bool ConsumeWord(std::string_view& s, std::string_view prefix) {
  if (!absl::StartsWithIgnoreCase(AsAbsl(s), AsAbsl(prefix))) return false;
  s.remove_prefix(prefix.size());
  s = TrimAscii(s);
  return true;
}

bool ConsumeDigits(std::string_view& s) {
  size_t n = 0;
  while (n < s.size() && IsAsciiDigit(s[n])) ++n;
  if (n == 0 || n > 4) return false;
  s.remove_prefix(n);
  s = TrimAscii(s);
  return true;
}

// Dashes that frame a page number ("- 12 -", "– 12 –").
std::string_view StripDashes(std::string_view s) {
  s = TrimAscii(s);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view dash : {std::string_view("-"), kEnDash}) {
      if (absl::StartsWith(AsAbsl(s), AsAbsl(dash))) s.remove_prefix(dash.size()), changed = true;
      if (absl::EndsWith(AsAbsl(s), AsAbsl(dash))) s.remove_suffix(dash.size()), changed = true;
    }
    s = TrimAscii(s);
  }
  return s;
}

// A cell of the header's continuation rows.
bool IsHeadingCell(const std::string& c) {
  for (std::string_view word :
       {"Tahun", "Kondisi Kinerja", "Target Kinerja", "Data Capaian", "Unit Kerja"}) {
    if (absl::StartsWithIgnoreCase(c, AsAbsl(word))) return true;
  }
  return absl::EqualsIgnoreCase(c, "Target") || absl::EqualsIgnoreCase(c, "Rp") ||
         absl::EqualsIgnoreCase(c, "(Rp)") || absl::EqualsIgnoreCase(c, "Lokasi");
}

bool IsFooterText(std::string_view c) {
  for (std::string_view word : {"Sumber", "Keterangan", "Catatan", "Ket."}) {
    std::string_view rest = c;
    if (!ConsumeWord(rest, word)) continue;
    if (word == "Ket." && rest.empty()) return true;
    if (!rest.empty() && rest[0] == ':') return true;
  }
  return false;
}

}  // namespace

bool IsTc27HeaderRow(const std::vector<std::string>& cells) {
  return cells.size() >= 5 && cells[0] == "Tujuan" &&
         std::any_of(cells.begin(), cells.end(), [](const std::string& c) { return c == "Kode"; });
}

bool IsPageNumber(std::string_view text) {
  std::string_view s = StripDashes(text);
  if (!ConsumeWord(s, "Halaman") && !ConsumeWord(s, "Hal.") && !ConsumeWord(s, "Hal")) {
    ConsumeWord(s, "Page");
  }
  if (!ConsumeDigits(s)) return false;
  if (s.empty()) return true;
  if (!ConsumeWord(s, "dari") && !ConsumeWord(s, "of") && !ConsumeWord(s, "/")) return false;
  return ConsumeDigits(s) && s.empty();
}

std::string PageFurniture(const std::vector<std::string>& cells) {
  if (IsTc27HeaderRow(cells)) return "repeated header row";
  std::vector<size_t> filled;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!cells[i].empty()) filled.push_back(i);
  }
  if (filled.empty()) return "";
  for (size_t i : filled) {
    if (i < 3 && Code::LooksLikeCode(cells[i])) return "";
  }
  // The column-number row: 1, 2, 3, … in consecutive cells (at least three).
  if (filled.size() >= 3 && filled.front() <= 1 &&
      filled.size() == filled.back() - filled.front() + 1) {
    bool numbering = true;
    for (size_t k = 0; k < filled.size() && numbering; ++k) {
      numbering = cells[filled[k]] == absl::StrCat(k + 1);
    }
    if (numbering) return "column-number row";
  }
  if (std::all_of(filled.begin(), filled.end(),
                  [&](size_t i) { return IsHeadingCell(cells[i]); })) {
    return "repeated header row";
  }
  const std::string& first = cells[filled.front()];
  if (IsFooterText(first)) return absl::StrCat("footer \"", SafePrefix(first), "\"");
  // A page number stands alone, in the text columns (a value column holds targets).
  if (filled.size() == 1 && filled.front() < 5 && IsPageNumber(first)) {
    return absl::StrCat("page number \"", first, "\"");
  }
  return "";
}

}  // namespace renstra
