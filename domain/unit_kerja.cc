#include "domain/unit_kerja.h"

#include <functional>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "domain/division.h"
#include "domain/strings.h"

namespace renstra {
namespace {

// The wording tables put in front of a unit's name; "UPTD " before "UPT " so the longer
// one is taken off whole.
constexpr std::string_view kPrefixes[] = {"bidang ", "uptd ", "upt "};

std::string_view WithoutPrefix(std::string_view folded) {
  for (std::string_view p : kPrefixes) {
    if (absl::StartsWith(AsAbsl(folded), AsAbsl(p)) && folded.size() > p.size()) {
      return folded.substr(p.size());
    }
  }
  return folded;
}

const UnitInfo* FindUnit(const std::vector<UnitInfo>& units, std::string_view code) {
  for (const UnitInfo& u : units) {
    if (u.code == code) return &u;
  }
  return nullptr;
}

// The units `matches` accepts, active ones and retired ones apart.
template <typename Match>
void Collect(const std::vector<UnitInfo>& units, Match matches, std::vector<std::string>* active,
             std::vector<std::string>* retired) {
  for (const UnitInfo& u : units) {
    if (!matches(u)) continue;
    (u.retired ? retired : active)->push_back(u.code);
  }
}

}  // namespace

std::string FoldUnitText(std::string_view text) {
  return absl::AsciiStrToLower(CollapseSpaces(text));
}

absl::StatusOr<std::vector<UnitMapEntry>> ParseUnitMap(std::string_view text, std::string_view name,
                                                       const std::vector<UnitInfo>& units) {
  const std::string source = name.empty() ? "unit_map" : std::string(name);
  std::vector<UnitMapEntry> out;
  std::set<std::string> seen;
  int line = 0;
  for (absl::string_view raw : absl::StrSplit(AsAbsl(text), '\n')) {
    ++line;
    std::string_view row(raw.data(), raw.size());
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (TrimAscii(row).empty() || TrimAscii(row).front() == '#') continue;
    auto bad = [&](const std::string& why) {
      return absl::InvalidArgumentError(absl::StrCat(source, " line ", line, ": ", why));
    };
    const std::vector<absl::string_view> fields = absl::StrSplit(AsAbsl(row), '\t');
    if (fields.size() != 2) {
      return bad(absl::StrCat(fields.size(), fields.size() == 1 ? " field" : " fields",
                              "; a line is \"Unit Kerja text<TAB>UNIT_CODE\""));
    }
    UnitMapEntry entry;
    entry.text = std::string(TrimAscii(std::string_view(fields[0].data(), fields[0].size())));
    entry.unit = std::string(TrimAscii(std::string_view(fields[1].data(), fields[1].size())));
    entry.line = line;
    if (entry.text.empty()) return bad("the Unit Kerja text is empty");
    if (entry.unit.empty()) return bad(absl::StrCat("no unit code for \"", entry.text, "\""));
    const UnitInfo* unit = FindUnit(units, entry.unit);
    if (unit == nullptr)
      return bad(absl::StrCat("unit ", entry.unit, ": not a unit of the agency"));
    if (unit->retired) return bad(absl::StrCat("unit ", entry.unit, ": retired"));
    if (!seen.insert(FoldUnitText(entry.text)).second) {
      return bad(absl::StrCat("\"", entry.text, "\" is mapped on an earlier line"));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

UnitPlacement PlaceUnitKerja(std::string_view text, const std::vector<UnitInfo>& units,
                             const std::vector<UnitMapEntry>& map, std::string_view agency) {
  const std::string folded = FoldUnitText(text);
  for (const UnitMapEntry& e : map) {
    if (FoldUnitText(e.text) == folded) return UnitPlacement{e.unit, ""};
  }
  std::vector<std::string> retired;
  const auto by_code = [&](const UnitInfo& u) { return FoldUnitText(u.code) == folded; };
  const auto by_name = [&](const UnitInfo& u) { return FoldUnitText(u.name) == folded; };
  const auto by_bare_name = [&](const UnitInfo& u) {
    return WithoutPrefix(FoldUnitText(u.name)) == WithoutPrefix(folded);
  };
  const std::function<bool(const UnitInfo&)> rules[] = {by_code, by_name, by_bare_name};
  for (const auto& rule : rules) {
    std::vector<std::string> active;
    Collect(units, rule, &active, &retired);
    if (active.size() == 1) return UnitPlacement{active[0], ""};
    if (active.size() > 1) {
      return UnitPlacement{"", absl::StrCat("ambiguous: units ", absl::StrJoin(active, ", "),
                                            " of ", AsAbsl(agency), " all match")};
    }
  }
  if (!retired.empty()) {
    std::set<std::string> names(retired.begin(), retired.end());
    return UnitPlacement{"", absl::StrCat("unit ", absl::StrJoin(names, ", "), " of ",
                                          AsAbsl(agency), " is retired")};
  }
  return UnitPlacement{"", absl::StrCat("no unit of ", AsAbsl(agency), " has this code or name",
                                        map.empty() ? "" : ", nor does the unit map name it")};
}

}  // namespace renstra
