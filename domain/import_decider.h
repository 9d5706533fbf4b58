// DecideImport: the decision of the "import plan" command. Turns a parsed T-C.27 table
// into the events that establish the plan: PlanEstablished, GoalDefined,
// ObjectiveDefined, then per node in document order NodeAdded, IndicatorDefined,
// TargetSet and FundingSet, and finally ImportReported with every finding. Applying
// them to an empty PlanState gives the imported plan.
//
// How the table maps onto the model (choices the table leaves open):
//  - A node's indicators are its coded row and its continuation rows (a row with Rp
//    cells only, no statement, baseline, target or end-of-period cell, is none). With one
//    indicator, it is in force 2022..2026. With several, each is in force from the
//    first to the last year in which its row has a target or an Rp cell (the seed's
//    2.13.4 and 2.13.5 replace their indicator from 2024).
//  - A node's funding for a year comes from the row in force that year; a second row
//    stating an amount for the same year is reported (BAD_CELL) and not used.
//  - An indicator's unit is that of its first non-blank target (then end-of-period
//    target, then baseline); "%" for percentages.
//  - Column 19 (Unit Kerja) is kept on the node as written (NodeAdded.unit_kerja) and
//    placed on one of the agency's units (unit_kerja.h); a text no unit takes is
//    reported in `placements` with its reason (and refuses the import when
//    `strict_units`), never guessed. The node's Dinas Sosial division is the one the
//    text names (DIVISION_UNSPECIFIED when it names none); a blank column 19 gives the
//    default for the node's program (division.h). With no units (nor unit map) given,
//    a text naming a Dinas Sosial division is that division's and not a placement, as
//    before units were data. Location is column 20 as written.
//  - Blank cells produce no event; "-" does (it is what the agency wrote).
//  - An indicator's kind (cumulative, stock, rate; indicator_kind.h) is read from its
//    marker, unit, wording or the row's figures and recorded on IndicatorDefined; its
//    end-of-period target is checked by it (TARGET_TOTAL with the row's line), and an
//    indicator whose kind nothing tells while its figures fit neither check is reported
//    (INDICATOR_KIND_UNDETERMINED).
//  - Every line of the table gets an outcome (`lines`), recorded in ImportReported.
//
// Pure; thread-safe.
#ifndef RENSTRA_DOMAIN_IMPORT_DECIDER_H_
#define RENSTRA_DOMAIN_IMPORT_DECIDER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/agency_directory.h"
#include "domain/plan_state.h"
#include "domain/tc27_parser.h"
#include "domain/unit_kerja.h"
#include "renstra/v1/events.pb.h"

namespace renstra {

struct ImportOptions {
  std::string plan_id;
  std::string agency = "Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai";
  std::string source;
  // The agency's code (in messages) and its units, which column 19 is placed on; the
  // unit map's entries win over the units' codes and names.
  std::string agency_code = {};
  std::vector<UnitInfo> units = {};
  std::vector<UnitMapEntry> unit_map = {};
  // Refuse the import when a row's Unit Kerja cannot be placed.
  bool strict_units = false;
};

// A node whose row wrote a Unit Kerja, and where it went.
struct NodePlacement {
  int line = 0;
  std::string code;  // canonical
  std::string text;  // as written
  std::string unit;  // empty: unplaced
  std::string reason;
};

struct ImportDecision {
  std::vector<v1::PlanEvent> events;
  // The parser's findings plus the decider's own (e.g. funding stated twice).
  std::vector<v1::Finding> findings;
  // The parser's skipped lines (page furniture, blank rows).
  std::vector<SkippedLine> skipped;
  // Every line of the table with its outcome (the parser's), a node's lines completed
  // with the indicator each became ("program 1.06.02: indicator 1.06.02#1", or "…: Rp
  // only, no indicator"); ImportReported records them.
  std::vector<v1::ImportLine> lines;
  // Every node with a Unit Kerja text, in table order, placed or not.
  std::vector<NodePlacement> placements;
};

// FAILED_PRECONDITION if `state` already holds a plan (an import needs an empty plan);
// FAILED_PRECONDITION when `strict_units` and a row's Unit Kerja cannot be placed (listing
// every such line, code, text and reason).
absl::StatusOr<ImportDecision> DecideImport(const PlanState& state, const ParsedTable& table,
                                            const ImportOptions& options);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_IMPORT_DECIDER_H_
