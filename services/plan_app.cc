#include "services/plan_app.h"

#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/code.h"
#include "domain/import_decider.h"
#include "domain/plan_events.h"
#include "domain/tc27_exporter.h"
#include "domain/tc27_parser.h"
#include "domain/validator.h"
#include "services/workbook_table.h"

namespace renstra {
namespace {

constexpr size_t kMaxImportBytes = 16 << 20;

// Per unit the nodes placed on it (in order of each unit's first node), and the rows no
// unit takes.
void DescribePlacements(const std::vector<NodePlacement>& placements,
                        const std::vector<UnitInfo>& units, v1::ImportTableResponse* out) {
  absl::flat_hash_map<std::string, v1::ImportedUnit*> by_unit;
  for (const NodePlacement& p : placements) {
    if (p.unit.empty()) {
      v1::UnplacedUnitKerja* u = out->add_unplaced_units();
      u->set_line(p.line);
      u->set_code(p.code);
      u->set_text(p.text);
      u->set_reason(p.reason);
      continue;
    }
    v1::ImportedUnit*& unit = by_unit[p.unit];
    if (unit == nullptr) {
      unit = out->add_units();
      unit->set_unit(p.unit);
      for (const UnitInfo& info : units) {
        if (info.code == p.unit) unit->set_name(info.name);
      }
    }
    unit->add_nodes(p.code);
  }
}

// Builds the import answer from a decision; counts what the events create, and adds
// the validation report of the plan those events produce.
v1::ImportTableResponse DescribeImport(const ImportDecision& decision,
                                       const std::vector<UnitInfo>& units) {
  v1::ImportTableResponse out;
  PlanState preview;
  for (const v1::PlanEvent& e : decision.events) {
    (void)preview.Apply(e);  // decided from an empty state: cannot fail
    switch (e.kind_case()) {
      case v1::PlanEvent::kNodeAdded:
        if (e.node_added().level() == v1::PROGRAM) out.set_programs(out.programs() + 1);
        if (e.node_added().level() == v1::ACTIVITY) out.set_activities(out.activities() + 1);
        if (e.node_added().level() == v1::SUB_ACTIVITY) {
          out.set_sub_activities(out.sub_activities() + 1);
        }
        break;
      case v1::PlanEvent::kIndicatorDefined:
        out.set_indicators(out.indicators() + 1);
        if (!absl::EndsWith(e.indicator_defined().indicator_id(), "#1")) {
          out.set_continuation_indicators(out.continuation_indicators() + 1);
        }
        break;
      case v1::PlanEvent::kGoalDefined:
        out.set_goals(out.goals() + 1);
        break;
      case v1::PlanEvent::kObjectiveDefined:
        out.set_objectives(out.objectives() + 1);
        break;
      case v1::PlanEvent::kImportReported:
        out.set_number_format(e.import_reported().number_format());
        out.set_number_format_evidence(e.import_reported().number_format_evidence());
        break;
      default:
        break;
    }
  }
  out.set_events(static_cast<int32_t>(decision.events.size()));
  for (const v1::Finding& f : decision.findings) *out.add_findings() = f;
  for (const SkippedLine& s : decision.skipped) {
    v1::SkippedLine* line = out.add_skipped();
    line->set_line(s.line);
    line->set_what(s.what);
  }
  for (const v1::ImportLine& l : decision.lines) *out.add_lines() = l;
  for (v1::Finding& f : ValidatePlan(preview)) *out.add_findings() = std::move(f);
  DescribePlacements(decision.placements, units, &out);
  return out;
}

}  // namespace

PlanApp::PlanApp(EventStore* store, std::string plan_id, std::string proposal_scope)
    : projector_(store, std::move(plan_id), std::move(proposal_scope)),
      runner_(store, &projector_) {}

absl::Status PlanApp::Recover() { return projector_.Recover(); }

absl::StatusOr<v1::ImportTableResponse> PlanApp::Import(const v1::ImportTableRequest& request,
                                                        const Principal& who,
                                                        const AgencyInfo* agency) {
  const bool from_workbook = !request.workbook().empty();
  if (request.content().empty() && !from_workbook) {
    return absl::InvalidArgumentError(
        "content: required (a T-C.27 table or a document), or workbook (an .xlsx file)");
  }
  if (!request.content().empty() && from_workbook) {
    return absl::InvalidArgumentError(
        "content, workbook: both given; give the table as text (content) or as an .xlsx "
        "file (workbook), not both");
  }
  const char* const field = from_workbook ? "workbook" : "content";
  const size_t size = from_workbook ? request.workbook().size() : request.content().size();
  if (size > kMaxImportBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": ", size, " bytes, more than the limit of ", kMaxImportBytes));
  }
  Tc27ParseOptions parse_options;
  RENSTRA_ASSIGN_OR_RETURN(parse_options.number_format,
                           ParseNumberFormat(request.number_format(), "number_format"));
  // A workbook becomes the text of its T-C.27 sheet (line N = row N); from there on it
  // is imported as that text would be, and every line named back as its row or cell.
  std::optional<WorkbookTable> book;
  std::string_view text = request.content();
  if (from_workbook) {
    RENSTRA_ASSIGN_OR_RETURN(
        book, Tc27FromWorkbook(request.workbook(), parse_options.number_format, kMaxImportBytes));
    text = book->text;
    if (book->stated_format != NumberFormat::kAuto) {
      parse_options.number_format = book->stated_format;
    }
  }
  absl::StatusOr<ParsedTable> parsed = ParseTc27(text, parse_options);
  if (!parsed.ok()) return book ? NameSheetLocations(*book, parsed.status()) : parsed.status();
  const ParsedTable& table = *parsed;
  ImportOptions options;
  options.plan_id = projector_.plan_id();
  options.source = request.source_name();
  if (book) options.source = absl::StrCat(options.source, ", sheet \"", book->sheet, "\"");
  if (agency != nullptr) {
    options.agency = agency->name;
    options.agency_code = agency->code;
    options.units = agency->units;
  }
  options.strict_units = request.strict_units();
  RENSTRA_ASSIGN_OR_RETURN(
      options.unit_map, ParseUnitMap(request.unit_map(), request.unit_map_name(), options.units));
  const PlanState empty;
  auto decide = [&](const PlanState& plan) -> absl::StatusOr<ImportDecision> {
    absl::StatusOr<ImportDecision> decision = DecideImport(plan, table, options);
    if (!book) return decision;
    if (!decision.ok()) return NameSheetLocations(*book, decision.status());
    NameSheetLocations(*book, &*decision);
    return decision;
  };
  auto describe = [&](const ImportDecision& decision) {
    v1::ImportTableResponse out = DescribeImport(decision, options.units);
    if (book) out.set_sheet(book->sheet);
    out.set_agency(options.agency_code);
    out.set_agency_name(options.agency);
    return out;
  };

  if (request.dry_run()) {
    // What the table would create in an empty plan; nothing is written.
    RENSTRA_ASSIGN_OR_RETURN(ImportDecision decision, decide(empty));
    v1::ImportTableResponse out = describe(decision);
    out.set_dry_run(true);
    return out;
  }

  // The decision's answer; a retry answers as the original did (the same table,
  // decided against an empty plan).
  std::optional<ImportDecision> decided;
  CommandSpec spec{who, "/renstra.v1.PlanService/ImportTable", &request, request.request_id(),
                   CommandLock::kPlan};
  return runner_.Run<v1::ImportTableResponse>(
      spec,
      [&]() -> absl::StatusOr<Decision> {
        Decision decision;
        decision.stream = projector_.plan_id();
        decision.reason = absl::StrCat("import T-C.27 from ", options.source);
        RENSTRA_ASSIGN_OR_RETURN(decided,
                                 projector_.Read([&](const PlanState& plan, const ProposalBook&) {
                                   decision.expected_version = plan.version();
                                   return decide(plan);
                                 }));
        decision.events = ToNewEvents(decided->events, kPlanEventSchemaVersion);
        return decision;
      },
      [&](const Landed& landed) -> absl::StatusOr<v1::ImportTableResponse> {
        if (landed.result.deduplicated || !decided.has_value()) {
          RENSTRA_ASSIGN_OR_RETURN(decided, decide(empty));
        }
        v1::ImportTableResponse out = describe(*decided);
        out.set_plan_version(static_cast<int64_t>(landed.result.stream_version));
        return out;
      });
}

absl::StatusOr<bool> PlanApp::ImportSeedIfEmpty(std::string_view seed_text,
                                                std::string_view source_name) {
  if (version() > 0) return false;
  v1::ImportTableRequest request;
  request.set_content(std::string(seed_text));
  request.set_source_name(std::string(source_name));
  // A fixed id: a server that crashed mid-start and retries cannot import twice.
  request.set_request_id("renstrad-seed-import");
  RENSTRA_RETURN_IF_ERROR(Import(request, Principal{"renstrad", "SYSTEM"}).status());
  return true;
}

v1::GetPlanResponse PlanApp::GetPlan() const {
  v1::GetPlanResponse out;
  *out.mutable_plan() =
      projector_.Read([](const PlanState& plan, const ProposalBook&) { return plan.ToProto(); });
  return out;
}

absl::StatusOr<v1::GetSubtreeResponse> PlanApp::GetSubtree(
    const v1::GetSubtreeRequest& request) const {
  if (request.code().empty()) return absl::InvalidArgumentError("code: required");
  absl::StatusOr<Code> code = Code::Parse(request.code());
  if (!code.ok())
    return absl::InvalidArgumentError(absl::StrCat("code: ", code.status().message()));
  return projector_.Read(
      [&](const PlanState& plan, const ProposalBook&) -> absl::StatusOr<v1::GetSubtreeResponse> {
        v1::GetSubtreeResponse out;
        RENSTRA_ASSIGN_OR_RETURN(*out.mutable_node(), plan.NodeToProto(code->canonical(), true));
        out.set_plan_version(plan.version());
        return out;
      });
}

v1::ValidateResponse PlanApp::Validate() const {
  return projector_.Read([](const PlanState& plan, const ProposalBook&) {
    v1::ValidateResponse out;
    for (v1::Finding& f : ValidatePlan(plan)) *out.add_findings() = std::move(f);
    out.set_plan_version(plan.version());
    return out;
  });
}

absl::StatusOr<v1::ExportTableResponse> PlanApp::ExportTable(
    const v1::ExportTableRequest& request) const {
  const std::string table = absl::AsciiStrToUpper(request.table());
  if (table != "T-C.27" && table != "TC.27" && table != "TC27") {
    return absl::InvalidArgumentError(
        absl::StrCat("table: \"", request.table(), "\" is not an exportable table (T-C.27)"));
  }
  TableFormat format;
  switch (request.format()) {
    case v1::TSV:
      format = TableFormat::kTsv;
      break;
    case v1::CSV:
      format = TableFormat::kCsv;
      break;
    default:
      return absl::InvalidArgumentError("format: required (TSV or CSV)");
  }
  return projector_.Read([format](const PlanState& plan, const ProposalBook&) {
    v1::ExportTableResponse out;
    out.set_content(ExportTc27(plan, format));
    out.set_plan_version(plan.version());
    return out;
  });
}

int64_t PlanApp::version() const {
  return projector_.Read([](const PlanState& plan, const ProposalBook&) { return plan.version(); });
}

}  // namespace renstra
