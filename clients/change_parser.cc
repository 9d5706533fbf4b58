#include "clients/change_parser.h"

#include <vector>

#include "clients/value_parser.h"

namespace renstra {
namespace {

// The reason given when a spec does not have the option's shape; the message then
// shows the expected syntax.
constexpr char kWrongForm[] = "not in the form expected";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits at every `separator`, trimming each part.
std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = s.find(separator);
    parts.push_back(Trim(s.substr(0, at)));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

// Splits "LEFT<separator>RIGHT" at the first separator; false if there is none or a
// side is empty.
bool SplitOnce(std::string_view s, char separator, std::string_view* left,
               std::string_view* right) {
  const size_t at = s.find(separator);
  if (at == std::string_view::npos) return false;
  *left = Trim(s.substr(0, at));
  *right = Trim(s.substr(at + 1));
  return !left->empty() && !right->empty();
}

// A four-digit year.
bool ParseYear(std::string_view text, int32_t* year, std::string* error) {
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string_view::npos) {
    *error = "year \"" + std::string(text) + "\" is not a four-digit year";
    return false;
  }
  *year = std::stoi(std::string(text));
  return true;
}

// "KEY:YEAR=REST" (a set-target or set-funding spec).
bool SplitKeyYearRest(std::string_view spec, std::string_view* key, int32_t* year,
                      std::string_view* rest, std::string* error) {
  std::string_view year_and_rest;
  std::string_view year_text;
  if (!SplitOnce(spec, ':', key, &year_and_rest) ||
      !SplitOnce(year_and_rest, '=', &year_text, rest)) {
    *error = kWrongForm;
    return false;
  }
  return ParseYear(year_text, year, error);
}

// "YEAR=VALUE;YEAR=VALUE" into targets of `out`.
template <typename AddTarget>
bool ParseYearList(std::string_view list, std::string* error, AddTarget add) {
  for (std::string_view item : Split(list, ';')) {
    if (item.empty()) continue;
    std::string_view year_text;
    std::string_view value;
    int32_t year = 0;
    if (!SplitOnce(item, '=', &year_text, &value)) {
      *error = "\"" + std::string(item) + "\" is not YEAR=VALUE";
      return false;
    }
    if (!ParseYear(year_text, &year, error) || !add(year, value)) return false;
  }
  return true;
}

bool AddTargets(std::string_view list, google::protobuf::RepeatedPtrField<v1::YearTarget>* out,
                std::string* error) {
  return ParseYearList(list, error, [&](int32_t year, std::string_view text) {
    std::optional<v1::TargetValue> value = ParseTarget(text, error);
    if (!value) return false;
    v1::YearTarget* t = out->Add();
    t->set_year(year);
    *t->mutable_value() = *std::move(value);
    return true;
  });
}

bool AddFunding(std::string_view list, google::protobuf::RepeatedPtrField<v1::YearFunding>* out,
                std::string* error) {
  return ParseYearList(list, error, [&](int32_t year, std::string_view text) {
    std::optional<v1::Money> amount = ParseRupiah(text, error);
    if (!amount) return false;
    v1::YearFunding* f = out->Add();
    f->set_year(year);
    *f->mutable_amount() = *std::move(amount);
    return true;
  });
}

bool ParseSetTarget(std::string_view spec, v1::Change* change, std::string* error) {
  std::string_view id;
  std::string_view text;
  int32_t year = 0;
  if (!SplitKeyYearRest(spec, &id, &year, &text, error)) return false;
  std::optional<v1::TargetValue> value = ParseTarget(text, error);
  if (!value) return false;
  v1::SetTarget* t = change->mutable_set_target();
  t->set_indicator_id(std::string(id));
  t->set_year(year);
  *t->mutable_value() = *std::move(value);
  return true;
}

bool ParseSetFunding(std::string_view spec, v1::Change* change, std::string* error) {
  std::string_view code;
  std::string_view text;
  int32_t year = 0;
  if (!SplitKeyYearRest(spec, &code, &year, &text, error)) return false;
  std::optional<v1::Money> amount = ParseRupiah(text, error);
  if (!amount) return false;
  v1::SetFunding* f = change->mutable_set_funding();
  f->set_node_code(std::string(code));
  f->set_year(year);
  *f->mutable_amount() = *std::move(amount);
  return true;
}

bool ParseReplace(std::string_view spec, v1::Change* change, std::string* error) {
  std::string_view id;
  std::string_view rest;
  int32_t year = 0;
  if (!SplitKeyYearRest(spec, &id, &year, &rest, error)) return false;
  const std::vector<std::string_view> parts = Split(rest, '|');
  if (parts.size() < 2 || parts.size() > 3 || parts[0].empty() || parts[1].empty()) {
    *error = "expected STATEMENT|UNIT after '='";
    return false;
  }
  v1::ReplaceIndicator* r = change->mutable_replace_indicator();
  r->set_indicator_id(std::string(id));
  r->set_from_year(year);
  r->set_statement(std::string(parts[0]));
  r->set_unit(std::string(parts[1]));
  return parts.size() < 3 || AddTargets(parts[2], r->mutable_targets(), error);
}

bool ParseAddSub(std::string_view spec, v1::Change* change, std::string* error) {
  std::string_view code;
  std::string_view rest;
  if (!SplitOnce(spec, '=', &code, &rest)) {
    *error = kWrongForm;
    return false;
  }
  const std::vector<std::string_view> parts = Split(rest, '|');
  if (parts.size() < 3 || parts.size() > 5 || parts[0].empty() || parts[1].empty() ||
      parts[2].empty()) {
    *error = "expected NAME|INDICATOR|UNIT after '='";
    return false;
  }
  v1::AddSubActivity* a = change->mutable_add_sub_activity();
  a->set_code(std::string(code));
  a->set_name(std::string(parts[0]));
  a->set_indicator(std::string(parts[1]));
  a->set_unit(std::string(parts[2]));
  if (parts.size() > 3 && !AddTargets(parts[3], a->mutable_targets(), error)) return false;
  return parts.size() < 5 || AddFunding(parts[4], a->mutable_funding(), error);
}

bool ParseRetire(std::string_view spec, v1::Change* change, std::string* error) {
  std::string_view code;
  std::string_view year_text;
  int32_t year = 0;
  if (!SplitOnce(spec, ':', &code, &year_text)) {
    *error = kWrongForm;
    return false;
  }
  if (!ParseYear(year_text, &year, error)) return false;
  v1::RetireSubActivity* r = change->mutable_retire_sub_activity();
  r->set_code(std::string(code));
  r->set_from_year(year);
  return true;
}

}  // namespace

const char* ChangeOptionName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kSetTarget:
      return "--set-target";
    case ChangeKind::kSetFunding:
      return "--set-funding";
    case ChangeKind::kReplaceIndicator:
      return "--replace-indicator";
    case ChangeKind::kAddSubActivity:
      return "--add-sub";
    case ChangeKind::kRetireSubActivity:
      return "--retire";
  }
  return "";
}

const char* ChangeOptionSyntax(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kSetTarget:
      return "ID_INDIKATOR:TAHUN=NILAI";
    case ChangeKind::kSetFunding:
      return "KODE:TAHUN=RUPIAH";
    case ChangeKind::kReplaceIndicator:
      return "ID_INDIKATOR:SEJAK_TAHUN=PERNYATAAN|SATUAN[|TAHUN=NILAI;...]";
    case ChangeKind::kAddSubActivity:
      return "KODE=NAMA|INDIKATOR|SATUAN[|TAHUN=NILAI;...[|TAHUN=RUPIAH;...]]";
    case ChangeKind::kRetireSubActivity:
      return "KODE:SEJAK_TAHUN";
  }
  return "";
}

std::optional<v1::Change> ParseChange(ChangeKind kind, std::string_view spec, std::string* error) {
  v1::Change change;
  std::string reason;
  bool ok = false;
  switch (kind) {
    case ChangeKind::kSetTarget:
      ok = ParseSetTarget(spec, &change, &reason);
      break;
    case ChangeKind::kSetFunding:
      ok = ParseSetFunding(spec, &change, &reason);
      break;
    case ChangeKind::kReplaceIndicator:
      ok = ParseReplace(spec, &change, &reason);
      break;
    case ChangeKind::kAddSubActivity:
      ok = ParseAddSub(spec, &change, &reason);
      break;
    case ChangeKind::kRetireSubActivity:
      ok = ParseRetire(spec, &change, &reason);
      break;
  }
  if (ok) return change;
  if (reason == kWrongForm) reason = std::string("bentuknya harus ") + ChangeOptionSyntax(kind);
  *error = std::string(ChangeOptionName(kind)) + " \"" + std::string(spec) + "\": " + reason;
  return std::nullopt;
}

}  // namespace renstra
