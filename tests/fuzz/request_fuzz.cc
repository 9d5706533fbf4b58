// Fuzzes request validation against the seed plan. Input: a serialized FuzzRequest
// (fuzz_request.proto): a ProposeRequest, RecordAchievementRequest or
// RecordSpendingRequest as the services receive it, and the actor (Kepala Bidang by
// default, of the division of the node the request names).
//
// Invariants (workflow_decider.h, change_rules.h, realization_decider.h):
//  - a refused command fails with a documented code only (draft: PERMISSION_DENIED,
//    INVALID_ARGUMENT, FAILED_PRECONDITION; realization: those and NOT_FOUND,
//    ALREADY_EXISTS); a role other than Kepala Bidang or Sekretariat is always
//    PERMISSION_DENIED;
//  - an accepted draft is one ProposalDrafted with every change, the actor as proposer,
//    the acting division, and "before" values that hold on the plan they were read from;
//    every node it touches belongs to the actor's division;
//  - that proposal goes through submit, approve and ratify: ratification succeeds (or,
//    for changes that overlap each other, is ABORTED), its events apply to the plan,
//    and the ratified plan serializes, validates, and exports a T-C.27 table that
//    imports again with the same nodes;
//  - an accepted realization is one event that applies to the book and becomes the
//    subject's current record; recording the subject again is FAILED_PRECONDITION and
//    reusing the id ALREADY_EXISTS; a correction of it behaves the same way; the
//    reports over the node's program build;
//  - every event serializes and parses back unchanged.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "domain/actor.h"
#include "domain/change_rules.h"
#include "domain/code.h"
#include "domain/import_decider.h"
#include "domain/plan_state.h"
#include "domain/proposal_state.h"
#include "domain/realization_book.h"
#include "domain/realization_decider.h"
#include "domain/report_models.h"
#include "domain/tc27_exporter.h"
#include "domain/tc27_parser.h"
#include "domain/validator.h"
#include "domain/workflow_decider.h"
#include "fuzz_request.pb.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_util.h"

namespace renstra::fuzz {
namespace {

using Code_ = absl::StatusCode;

const Actor kKadis{"kadis", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};
constexpr int64_t kStartMicros = 1735689600000000;  // 2025-01-01T00:00:00Z

bool Proposes(const Actor& a) {
  return a.role == v1::Role::KEPALA_BIDANG || a.role == v1::Role::SEKRETARIAT;
}

void CheckRefusal(const absl::Status& s, const Actor& actor,
                  std::initializer_list<absl::StatusCode> allowed, const char* what) {
  FUZZ_CHECK(!s.message().empty(), absl::StrCat(what, ": refused without a message"));
  if (!Proposes(actor)) {
    FUZZ_CHECK(s.code() == Code_::kPermissionDenied, absl::StrCat(what, ": ", s.ToString()));
  }
  for (absl::StatusCode c : allowed) {
    if (s.code() == c) return;
  }
  FUZZ_CHECK(false, absl::StrCat(what, ": undocumented code: ", s.ToString()));
}

const NodeState* NodeOfCode(const PlanState& plan, const std::string& text) {
  const absl::StatusOr<Code> code = Code::Parse(text);
  return code.ok() ? plan.FindNode(code->canonical()) : nullptr;
}

// The node whose division the request's first reference belongs to, or nullptr.
const NodeState* FirstNode(const PlanState& plan, const FuzzRequest& in) {
  if (in.has_achievement()) return plan.FindIndicator(in.achievement().indicator_id()).first;
  if (in.has_spending()) return NodeOfCode(plan, in.spending().node_code());
  if (!in.has_propose() || in.propose().changes_size() == 0) return nullptr;
  const v1::Change& c = in.propose().changes(0);
  switch (c.kind_case()) {
    case v1::Change::kSetTarget:
      return plan.FindIndicator(c.set_target().indicator_id()).first;
    case v1::Change::kSetFunding:
      return NodeOfCode(plan, c.set_funding().node_code());
    case v1::Change::kReplaceIndicator:
      return plan.FindIndicator(c.replace_indicator().indicator_id()).first;
    case v1::Change::kAddSubActivity: {
      const absl::StatusOr<Code> code = Code::Parse(c.add_sub_activity().code());
      return code.ok() ? plan.FindNode(code->ParentCanonical()) : nullptr;
    }
    case v1::Change::kRetireSubActivity:
      return NodeOfCode(plan, c.retire_sub_activity().code());
    case v1::Change::KIND_NOT_SET:
      break;
  }
  return nullptr;
}

Actor ActorOf(const PlanState& plan, const FuzzRequest& in) {
  Actor a{"kabid", in.role(), in.division()};
  if (a.role == v1::Role::ROLE_UNSPECIFIED) a.role = v1::Role::KEPALA_BIDANG;
  if (a.role == v1::Role::SEKRETARIAT) a.name = "sekretaris";
  if (a.division == v1::DIVISION_UNSPECIFIED) {
    if (const NodeState* n = FirstNode(plan, in)) a.division = n->division;
  }
  return a;
}

v1::EventEnvelope Envelope(const google::protobuf::Message& event, const std::string& stream,
                           uint64_t stream_version, const Actor& who) {
  v1::EventEnvelope env;
  env.set_sequence(stream_version);
  env.set_stream(stream);
  env.set_stream_version(stream_version);
  env.set_event_type(event.GetTypeName());
  env.set_principal(who.name);
  env.set_role(v1::Role::Value_Name(who.role));
  env.set_timestamp_micros(kStartMicros + static_cast<int64_t>(stream_version) * 1000000);
  event.SerializeToString(env.mutable_payload());
  return env;
}

// The codes of the nodes a resolved change touches.
std::string NodeTouched(const PlanState& plan, const v1::Change& c) {
  switch (c.kind_case()) {
    case v1::Change::kSetTarget:
      return plan.FindIndicator(c.set_target().indicator_id()).first->code;
    case v1::Change::kSetFunding:
      return c.set_funding().node_code();
    case v1::Change::kReplaceIndicator:
      return plan.FindIndicator(c.replace_indicator().indicator_id()).first->code;
    case v1::Change::kAddSubActivity:
      return Code::Parse(c.add_sub_activity().code())->ParentCanonical();
    case v1::Change::kRetireSubActivity:
      return c.retire_sub_activity().code();
    case v1::Change::KIND_NOT_SET:
      break;
  }
  FUZZ_CHECK(false, "a resolved change without a kind");
  return "";
}

void CheckPlanOutputs(const PlanState& plan) {
  CheckRoundTrip(plan.ToProto(), "ratified plan");
  for (const v1::Finding& f : ValidatePlan(plan)) CheckRoundTrip(f, "validation finding");
  const std::string text = ExportTc27(plan, TableFormat::kTsv);
  // The export writes the id notation (tc27_exporter.h).
  const absl::StatusOr<ParsedTable> table =
      ParseTc27(text, Tc27ParseOptions{.number_format = NumberFormat::kId});
  FUZZ_CHECK(table.ok(), absl::StrCat("export does not parse: ", table.status().ToString()));
  PlanState again;
  const absl::StatusOr<ImportDecision> decision =
      DecideImport(again, *table, ImportOptions{.plan_id = "plan/again", .source = "export"});
  FUZZ_CHECK(decision.ok(),
             absl::StrCat("export does not import: ", decision.status().ToString(), "\n", text));
  const absl::Status applied = again.ApplyAll(decision->events);
  FUZZ_CHECK(applied.ok(), applied.ToString());
  std::vector<std::string> a, b;
  for (const NodeState* n : plan.NodesInOrder()) a.push_back(n->code);
  for (const NodeState* n : again.NodesInOrder()) b.push_back(n->code);
  FUZZ_CHECK(a == b, absl::StrCat("export re-imports other nodes:\n", text));
}

void Propose(const PlanState& plan, const Actor& actor, const v1::ProposeRequest& request) {
  const DraftCommand command{"P-1",
                             request.title(),
                             request.justification(),
                             {request.changes().begin(), request.changes().end()}};
  const absl::StatusOr<std::vector<v1::ProposalEvent>> drafted = DecideDraft(plan, actor, command);
  if (!drafted.ok()) {
    CheckRefusal(drafted.status(), actor,
                 {Code_::kPermissionDenied, Code_::kInvalidArgument, Code_::kFailedPrecondition},
                 "draft");
    return;
  }
  FUZZ_CHECK(Proposes(actor), "a draft by a role that may not propose");
  FUZZ_CHECK(drafted->size() == 1 && (*drafted)[0].has_drafted(), "draft is not one event");
  const v1::ProposalDrafted& d = (*drafted)[0].drafted();
  CheckRoundTrip((*drafted)[0], "ProposalDrafted");
  FUZZ_CHECK(d.proposal_id() == "P-1" && d.proposer() == actor.name &&
                 d.division() == ActingDivision(actor) && d.base_version() == plan.version() &&
                 d.changes_size() == request.changes_size(),
             d.ShortDebugString());
  for (const v1::Change& c : d.changes()) {
    const std::string conflict = DescribeConflict(plan, c);
    FUZZ_CHECK(conflict.empty(),
               absl::StrCat("fresh change conflicts: ", conflict, " in ", c.ShortDebugString()));
    const NodeState* node = plan.FindNode(NodeTouched(plan, c));
    FUZZ_CHECK(node != nullptr && node->division == ActingDivision(actor),
               absl::StrCat("change outside the actor's division: ", c.ShortDebugString()));
  }

  // Submit, approve, open a revision, ratify.
  ProposalBook book;
  const std::string stream = ProposalBook::StreamOf("P-1");
  uint64_t version = 0;
  auto apply = [&](const absl::StatusOr<std::vector<v1::ProposalEvent>>& events, const Actor& who,
                   const char* what) {
    FUZZ_CHECK(events.ok(), absl::StrCat(what, ": ", events.status().ToString()));
    for (const v1::ProposalEvent& e : *events) {
      CheckRoundTrip(e, what);
      const absl::Status s = book.ApplyProposalEnvelope(Envelope(e, stream, ++version, who));
      FUZZ_CHECK(s.ok(), absl::StrCat(what, ": ", s.ToString()));
    }
  };
  apply(drafted, actor, "drafted");
  apply(DecideSubmit(book, actor, "P-1", ""), actor, "submitted");
  apply(DecideReview(book, kKadis, "P-1", v1::ProposalReviewed::APPROVE, ""), kKadis, "approved");
  FUZZ_CHECK(book.Find("P-1")->status == v1::APPROVED, "not approved");

  PlanState revised = plan;
  const absl::StatusOr<std::vector<v1::PlanEvent>> opened =
      DecideOpenRevision(revised, kKadis, "REV-1", "Perubahan Renstra 2025");
  FUZZ_CHECK(opened.ok(), opened.status().ToString());
  FUZZ_CHECK(revised.ApplyAll(*opened).ok(), "revision does not open");
  const RatifyCommand ratify{"Peraturan Wali Kota Dumai Nomor 1 Tahun 2025",
                             "fuzz",
                             "2025-01-31",
                             "Wali Kota",
                             {"P-1"},
                             /*accept_findings=*/true,
                             "a fuzzed change may add findings"};
  const absl::StatusOr<std::vector<v1::PlanEvent>> ratified =
      DecideRatify(revised, book, kKadis, ratify);
  if (!ratified.ok()) {
    // One proposal's changes may overlap (two targets for the same year): the second
    // no longer finds its "before" value. A single change never conflicts.
    FUZZ_CHECK(
        ratified.status().code() == Code_::kAborted && d.changes_size() > 1,
        absl::StrCat("ratify: ", ratified.status().ToString(), " for ", d.ShortDebugString()));
    return;
  }
  FUZZ_CHECK(!ratified->empty() && (*ratified)[0].has_revision_ratified(), "no RevisionRatified");
  FUZZ_CHECK((*ratified)[0].revision_ratified().change_count() ==
                 static_cast<int32_t>(ratified->size() - 1),
             (*ratified)[0].ShortDebugString());
  for (const v1::PlanEvent& e : *ratified) CheckRoundTrip(e, "ratification event");
  const absl::Status applied = revised.ApplyAll(*ratified);
  FUZZ_CHECK(applied.ok(), absl::StrCat("ratified events do not apply: ", applied.ToString(),
                                        " for ", d.ShortDebugString()));
  FUZZ_CHECK(revised.revision_number() == 1 && revised.open_revision() == nullptr,
             "revision not ratified");
  const absl::Status marked = book.ApplyRatified(
      (*ratified)[0].revision_ratified(),
      Envelope((*ratified)[0], "plan/fuzz", static_cast<uint64_t>(plan.version()) + 2, kKadis));
  FUZZ_CHECK(marked.ok() && book.Find("P-1")->status == v1::APPLIED, marked.ToString());
  CheckPlanOutputs(revised);
}

void CheckReports(const PlanState& plan, const RealizationBook& book, const std::string& node_code,
                  int year) {
  const NodeState* node = plan.FindNode(node_code);
  FUZZ_CHECK(node != nullptr, node_code);
  const std::string program = Code::Parse(node->code)->ProgramCanonical();
  const std::string root = program.empty() ? node->code : program;
  const ReportOptions options;
  const auto tc23 = BuildTc23(plan, book, root, options);
  FUZZ_CHECK(tc23.ok(), tc23.status().ToString());
  const auto tc24 = BuildTc24(plan, book, root, options);
  FUZZ_CHECK(tc24.ok(), tc24.status().ToString());
  const auto e80 = BuildE80(plan, book, root, options);
  FUZZ_CHECK(e80.ok(), e80.status().ToString());
  WarningOptions warning;
  warning.year = year;
  warning.include_unrecorded = true;
  const auto warnings = BuildEarlyWarning(plan, book, root, warning, options);
  FUZZ_CHECK(warnings.ok(), warnings.status().ToString());
  const auto triwulan = BuildTriwulan(plan, book, root, year, options);
  FUZZ_CHECK(triwulan.ok(), triwulan.status().ToString());
}

// Records `first` (id RLZ-1), then checks the book rules and the optional correction.
template <typename Decide>
void Realize(const PlanState& plan, const Actor& actor, const FuzzRequest& in, Decide decide) {
  RealizationBook book;
  const std::string stream = RealizationBook::StreamOf(plan.plan_id());
  const absl::StatusOr<std::vector<v1::RealizationEvent>> recorded = decide(book, "RLZ-1");
  const std::initializer_list<absl::StatusCode> allowed = {
      Code_::kPermissionDenied, Code_::kInvalidArgument, Code_::kFailedPrecondition,
      Code_::kNotFound, Code_::kAlreadyExists};
  if (!recorded.ok()) {
    CheckRefusal(recorded.status(), actor, allowed, "record");
    return;
  }
  FUZZ_CHECK(Proposes(actor), "a record by a role that may not record");
  FUZZ_CHECK(recorded->size() == 1, "record is not one event");
  const v1::RealizationEvent& e = (*recorded)[0];
  CheckRoundTrip(e, "realization event");
  absl::Status s = book.ApplyEnvelope(Envelope(e, stream, book.version() + 1, actor));
  FUZZ_CHECK(s.ok(), s.ToString());
  const RealizationRecord* r = book.Find("RLZ-1");
  FUZZ_CHECK(r != nullptr, "recorded id not in the book");
  // Copies: the book's pointers do not survive the next ApplyEnvelope.
  const bool achievement = r->kind == RealizationRecord::Kind::kAchievement;
  const std::string indicator_id = r->indicator_id;
  const std::string node_code = r->node_code;
  const int year = r->year;
  const int quarter = r->quarter;
  const RealizationRecord* current =
      achievement ? book.CurrentAchievement(r->indicator_id, r->year, r->quarter)
                  : book.CurrentSpending(r->node_code, r->year, r->quarter);
  FUZZ_CHECK(current == r, "the record is not its subject's current record");
  if (achievement) {
    const auto [node, index] = plan.FindIndicator(r->indicator_id);
    FUZZ_CHECK(node != nullptr, r->indicator_id);
    const std::string want =
        TargetValue::Number(Decimal(), node->indicators[index].unit).NormalizedUnit();
    const TargetValue achieved = r->Achieved();
    FUZZ_CHECK(achieved.kind() == TargetValue::Kind::kNumber ||
                   achieved.kind() == TargetValue::Kind::kPercent,
               e.ShortDebugString());
    FUZZ_CHECK(want.empty() || achieved.NormalizedUnit() == want,
               absl::StrCat("achieved unit \"", achieved.NormalizedUnit(), "\", indicator \"", want,
                            "\""));
  } else {
    FUZZ_CHECK(r->spent.present() && r->spent.rupiah() >= 0, e.ShortDebugString());
  }

  const auto again = decide(book, "RLZ-2");
  FUZZ_CHECK(!again.ok() && again.status().code() == Code_::kFailedPrecondition,
             absl::StrCat("recorded twice: ", again.status().ToString()));
  const auto reused = decide(book, "RLZ-1");
  FUZZ_CHECK(!reused.ok() && reused.status().code() == Code_::kAlreadyExists,
             absl::StrCat("id reused: ", reused.status().ToString()));

  if (in.has_correct()) {
    const v1::CorrectRealizationRequest& c = in.correct();
    CorrectCommand command;
    command.realization_id = "RLZ-3";
    command.corrects_id = c.corrects_id().empty() ? "RLZ-1" : c.corrects_id();
    if (c.has_achievement()) command.achievement = AchievedValue::FromProto(c.achievement());
    if (c.has_spent()) command.spent = Money::FromProto(c.spent());
    command.retract = c.retract();
    command.evidence_ref = c.evidence_ref();
    command.note = c.note();
    const auto corrected = DecideCorrect(plan, book, actor, command);
    if (!corrected.ok()) {
      CheckRefusal(corrected.status(), actor, allowed, "correct");
    } else {
      FUZZ_CHECK(corrected->size() == 1, "correction is not one event");
      CheckRoundTrip((*corrected)[0], "correction event");
      s = book.ApplyEnvelope(Envelope((*corrected)[0], stream, book.version() + 1, actor));
      FUZZ_CHECK(s.ok(), s.ToString());
      FUZZ_CHECK(book.Find("RLZ-1")->corrected_by == "RLZ-3", "correction not linked");
      const RealizationRecord* now = achievement
                                         ? book.CurrentAchievement(indicator_id, year, quarter)
                                         : book.CurrentSpending(node_code, year, quarter);
      FUZZ_CHECK(command.retract ? now == nullptr : now == book.Find("RLZ-3"),
                 "the correction is not the current record");
    }
  }
  CheckReports(plan, book, node_code, year);
}

}  // namespace
}  // namespace renstra::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  renstra::fuzz::SeedPlan();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace renstra;        // NOLINT
  using namespace renstra::fuzz;  // NOLINT
  FuzzRequest in;
  if (!in.ParseFromArray(data, static_cast<int>(size))) return -1;  // not a request: skip
  const PlanState& plan = SeedPlan();
  const Actor actor = ActorOf(plan, in);

  switch (in.request_case()) {
    case FuzzRequest::kPropose:
      Propose(plan, actor, in.propose());
      break;
    case FuzzRequest::kAchievement: {
      const v1::RecordAchievementRequest& r = in.achievement();
      Realize(plan, actor, in, [&](const RealizationBook& book, const std::string& id) {
        return DecideRecordAchievement(
            plan, book, actor,
            RecordAchievementCommand{id, r.indicator_id(), r.year(),
                                     AchievedValue::FromProto(r.value()), r.evidence_ref(),
                                     r.note(), nullptr, r.quarter()});
      });
      break;
    }
    case FuzzRequest::kSpending: {
      const v1::RecordSpendingRequest& r = in.spending();
      Realize(plan, actor, in, [&](const RealizationBook& book, const std::string& id) {
        return DecideRecordSpending(
            plan, book, actor,
            RecordSpendingCommand{id, r.node_code(), r.year(), Money::FromProto(r.spent()),
                                  r.evidence_ref(), r.note(), nullptr, r.quarter()});
      });
      break;
    }
    case FuzzRequest::REQUEST_NOT_SET:
      break;
  }
  return 0;
}
