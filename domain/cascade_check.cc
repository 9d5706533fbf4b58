#include "domain/cascade_check.h"

#include <map>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "domain/cascade_parser.h"
#include "domain/year.h"

namespace renstra {
namespace {

// A value as a finding shows it: the text as written, or "(blank)".
std::string Shown(const TargetValue& v) {
  const std::string d = v.Display();
  return d.empty() ? "(blank)" : d;
}

// See the header comment: a disagreement needs a number on at least one side.
bool Disagree(const TargetValue& a, const TargetValue& b) {
  if (a.IsBlank() && b.IsBlank()) return false;
  if (a.IsBlank() != b.IsBlank()) return true;
  using K = TargetValue::Kind;
  auto unitless = [](const TargetValue& v) { return v.kind() == K::kNumber && v.unit().empty(); };
  auto number_like = [](const TargetValue& v) {
    return v.kind() == K::kNumber || v.kind() == K::kPercent;
  };
  if ((unitless(a) && number_like(b)) || (unitless(b) && number_like(a))) {
    return !(a.low() == b.low());
  }
  return !(a == b);
}

// Who states an indicator: its table's id and its values.
struct Side {
  const CascadeIndicator* ind = nullptr;
  bool has_end = false;  // the table has an end-of-period column
};

std::string YearsText(const CascadeIndicator& i) {
  if (i.first_year == 0) return "no year";
  std::string out = i.first_year == i.last_year ? absl::StrCat(i.first_year)
                                                : absl::StrCat(i.first_year, "–", i.last_year);
  if (i.replaced_from != 0) absl::StrAppend(&out, ", replaced from ", i.replaced_from);
  return out;
}

void Compare(const Side& a, const Side& b, std::vector<v1::Finding>& out) {
  const CascadeIndicator& x = *a.ind;
  const CascadeIndicator& y = *b.ind;
  auto add = [&](v1::Finding::Kind kind, int year, std::string stated, std::string computed,
                 std::string what) {
    v1::Finding& f = out.emplace_back();
    f.set_kind(kind);
    f.set_code(x.id);
    f.set_year(year);
    f.set_line(y.line);
    f.set_message(absl::StrCat(x.id, " (line ", x.line, ") and ", y.id, " (line ", y.line,
                               ") state ", what, " of \"", x.statement, "\" differently: \"",
                               stated, "\" and \"", computed, "\""));
    f.set_stated(std::move(stated));
    f.set_computed(std::move(computed));
  };
  if (Disagree(x.baseline, y.baseline)) {
    add(v1::Finding::CROSS_TABLE_BASELINE, kBaselineYear, Shown(x.baseline), Shown(y.baseline),
        absl::StrCat("the baseline (", kBaselineYear, ")"));
  }
  for (int k = 0; k < kTargetYears; ++k) {
    if (Disagree(x.targets[k], y.targets[k])) {
      add(v1::Finding::CROSS_TABLE_TARGET, kAllTargetYears[k], Shown(x.targets[k]),
          Shown(y.targets[k]), absl::StrCat("the ", kAllTargetYears[k], " target"));
    }
  }
  if (a.has_end && b.has_end && Disagree(x.end_target, y.end_target)) {
    add(v1::Finding::CROSS_TABLE_END_TARGET, 0, Shown(x.end_target), Shown(y.end_target),
        "the end-of-period condition");
  }
  if (x.last_year != y.last_year || x.replaced_from != y.replaced_from) {
    add(v1::Finding::CROSS_TABLE_REPLACEMENT, y.replaced_from != 0 ? y.replaced_from : y.last_year,
        YearsText(x), YearsText(y), "the years in force");
  }
}

}  // namespace

std::string CascadeKey(std::string_view statement) {
  std::string out;
  std::string word;
  auto flush = [&]() {
    if (word.empty()) return;
    // A common misspelling of "persentase" in these tables.
    if (word == "presentase") word = "persentase";
    if (!out.empty()) out.push_back(' ');
    out += word;
    word.clear();
  };
  bool in_tag = false;
  for (char c : statement) {
    if (c == '<') in_tag = true;
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      word.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

CascadeCheck CheckCascade(const CascadeTables& tables, const ParsedTable* tc27) {
  CascadeCheck out;
  // T-C.27's program rows as cascade indicators, by key.
  std::vector<CascadeIndicator> tc27_rows;
  if (tc27 != nullptr) {
    for (const ParsedNode& node : tc27->nodes) {
      if (node.code.level() != v1::PROGRAM) continue;
      std::vector<CascadeIndicator> group;
      for (size_t r = 0; r < node.rows.size(); ++r) {
        const ParsedRow& row = node.rows[r];
        CascadeIndicator& ind = group.emplace_back();
        ind.id = absl::StrCat("T-C.27 ", node.code.canonical(), " row ", r + 1);
        ind.line = row.line;
        ind.statement = row.indicator;
        ind.role = CascadeRole::kSasaran;
        ind.baseline = row.baseline;
        ind.targets = row.targets;
        ind.end_target = row.end_target;
      }
      LinkCascadeGroup(group);
      for (CascadeIndicator& ind : group) tc27_rows.push_back(std::move(ind));
    }
  }
  std::multimap<std::string, const CascadeIndicator*> tc28_by_key;
  for (const IkuGroup& g : tables.iku) {
    for (const CascadeIndicator& i : g.indicators) tc28_by_key.emplace(CascadeKey(i.statement), &i);
  }
  std::map<const CascadeIndicator*, bool> tc28_linked;

  auto link_tc27 = [&](const Side& side, CascadeLink& link, bool compare) {
    const std::string key = CascadeKey(side.ind->statement);
    for (const CascadeIndicator& row : tc27_rows) {
      if (CascadeKey(row.statement) != key) continue;
      link.tc27_rows.push_back(row.id.substr(std::string_view("T-C.27 ").size()));
      if (compare) Compare(side, Side{&row, true}, out.findings);
    }
  };

  for (const CascadeGoal& g : tables.goals) {
    for (const CascadeIndicator& i : g.indicators) {
      CascadeLink& link = out.links.emplace_back();
      link.statement = i.statement;
      link.tc25_id = i.id;
      const Side tc25{&i, false};
      const std::string key = CascadeKey(i.statement);
      const CascadeIndicator* iku = nullptr;
      for (auto [it, end] = tc28_by_key.equal_range(key); it != end; ++it) {
        if (tc28_linked[it->second]) continue;
        iku = it->second;
        tc28_linked[iku] = true;
        break;
      }
      if (iku != nullptr) {
        link.tc28_id = iku->id;
        Compare(tc25, Side{iku, true}, out.findings);
      }
      // T-C.27 rows are compared with T-C.28 when it states the indicator (it has an
      // end-of-period condition to compare too), else with TC.25.
      link_tc27(iku != nullptr ? Side{iku, true} : tc25, link, true);
    }
  }
  for (const IkuGroup& g : tables.iku) {
    for (const CascadeIndicator& i : g.indicators) {
      if (tc28_linked[&i]) continue;
      CascadeLink& link = out.links.emplace_back();
      link.statement = i.statement;
      link.tc28_id = i.id;
      if (!tables.goals.empty()) {
        v1::Finding& f = out.findings.emplace_back();
        f.set_kind(v1::Finding::CROSS_TABLE_UNLINKED);
        f.set_code(i.id);
        f.set_line(i.line);
        f.set_stated(i.statement);
        f.set_message(absl::StrCat(i.id, " (line ", i.line, "): the IKU \"", i.statement,
                                   "\" is none of TC.25's indicators"));
      }
      link_tc27(Side{&i, true}, link, true);
    }
  }
  return out;
}

}  // namespace renstra
