#include "services/cascade_view.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "domain/cascade_check.h"
#include "domain/cascade_parser.h"
#include "domain/tc27_parser.h"

namespace renstra {
namespace {

// As PlanService.ImportTable's content.
constexpr size_t kMaxCascadeBytes = 16 << 20;

void ToProto(const CascadeIndicator& in,
             const std::map<std::string, std::vector<std::string>>& links,
             v1::CascadeIndicator* out) {
  out->set_id(in.id);
  out->set_line(in.line);
  out->set_statement(in.statement);
  out->set_role(CascadeRoleName(in.role));
  out->set_unit(in.unit);
  in.baseline.ToProto(out->mutable_baseline());
  for (const TargetValue& t : in.targets) t.ToProto(out->add_targets());
  in.end_target.ToProto(out->mutable_end_target());
  out->set_first_year(in.first_year);
  out->set_last_year(in.last_year);
  out->set_replaced_by(in.replaced_by);
  out->set_replaced_from(in.replaced_from);
  if (auto it = links.find(in.id); it != links.end()) {
    for (const std::string& l : it->second) out->add_linked(l);
  }
}

}  // namespace

absl::StatusOr<v1::ReadCascadeResponse> ReadCascadeView(const v1::ReadCascadeRequest& request,
                                                        std::string_view seed,
                                                        std::string_view seed_name) {
  if (request.content().size() > kMaxCascadeBytes) {
    return absl::InvalidArgumentError(absl::StrCat("content: ", request.content().size(),
                                                   " bytes, more than the limit of ",
                                                   kMaxCascadeBytes));
  }
  const bool from_seed = request.content().empty();
  const std::string_view document = from_seed ? seed : std::string_view(request.content());
  absl::StatusOr<CascadeTables> tables = ParseCascade(document);
  if (!tables.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("content: ", tables.status().message()));
  }
  if (tables->tc25_line == 0 && tables->tc28_line == 0) {
    return absl::InvalidArgumentError(
        "content: neither \"Tabel TC.25\" nor \"Tabel T-C.28\" was found (a line starting "
        "with the table's title is looked for)");
  }
  v1::ReadCascadeResponse out;
  out.set_source(from_seed ? std::string(seed_name) : "request");
  std::optional<ParsedTable> tc27;
  if (absl::StatusOr<ParsedTable> parsed = ParseTc27(document); parsed.ok()) {
    tc27 = *std::move(parsed);
  } else {
    out.set_tc27_not_compared(std::string(parsed.status().message()));
  }
  const CascadeCheck check = CheckCascade(*tables, tc27 ? &*tc27 : nullptr);
  // Each indicator's links to the other tables, both ways.
  std::map<std::string, std::vector<std::string>> links;
  for (const CascadeLink& l : check.links) {
    std::vector<std::string> ids;
    if (!l.tc25_id.empty()) ids.push_back(l.tc25_id);
    if (!l.tc28_id.empty()) ids.push_back(l.tc28_id);
    for (const std::string& own : ids) {
      for (const std::string& other : ids) {
        if (other != own) links[own].push_back(other);
      }
      for (const std::string& row : l.tc27_rows) links[own].push_back("T-C.27 " + row);
    }
  }
  out.set_tc25_line(tables->tc25_line);
  for (const CascadeGoal& g : tables->goals) {
    v1::CascadeGoal* goal = out.add_goals();
    goal->set_number(g.number);
    goal->set_line(g.line);
    goal->set_tujuan(g.tujuan);
    goal->set_sasaran(g.sasaran);
    for (const CascadeIndicator& i : g.indicators) ToProto(i, links, goal->add_indicators());
  }
  out.set_tc28_line(tables->tc28_line);
  for (const IkuGroup& g : tables->iku) {
    v1::IkuGroup* group = out.add_iku();
    group->set_number(g.number);
    group->set_line(g.line);
    for (const CascadeIndicator& i : g.indicators) ToProto(i, links, group->add_indicators());
  }
  for (const v1::Finding& f : tables->notes) *out.add_findings() = f;
  for (const v1::Finding& f : check.findings) *out.add_findings() = f;
  return out;
}

}  // namespace renstra
