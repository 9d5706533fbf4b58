// PlanState: the current plan, built only by applying plan events in order (Evolve).
//
// It is the projection every query reads: nodes by canonical code, indicators by id,
// the program trees in document order, goals and objectives. Replaying the same events
// from zero yields an identical state and an identical ToProto() (tested).
//
// Value type; not thread-safe (the application layer guards it).
#ifndef RENSTRA_DOMAIN_PLAN_STATE_H_
#define RENSTRA_DOMAIN_PLAN_STATE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "domain/money.h"
#include "domain/target_value.h"
#include "renstra/v1/events.pb.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

struct IndicatorState {
  std::string id;
  std::string statement;
  std::string unit;
  TargetValue baseline;
  std::map<int, TargetValue> targets;  // year → target; a year without a cell is absent
  TargetValue end_target;
  Money end_funding;  // as stated on the indicator's row
  int from_year = 0;
  int to_year = 0;
  v1::IndicatorKind kind = v1::INDICATOR_KIND_UNSPECIFIED;  // as the import recorded it
};

struct NodeState {
  std::string code;  // canonical
  std::string code_written;
  v1::Level level = v1::LEVEL_UNSPECIFIED;
  std::string name;
  std::string parent_code;
  std::string objective_id;
  std::vector<IndicatorState> indicators;
  std::map<int, Money> funding;  // year → amount; a year without a cell is absent
  v1::Division division = v1::DIVISION_UNSPECIFIED;
  // Column 19 (Unit Kerja) as the imported table wrote it; empty when blank.
  std::string unit_kerja;
  std::string location;
  int source_line = 0;
  int retired_from = 0;               // 0 when active
  std::vector<std::string> children;  // canonical codes, in the order added
};

// The targets a Tujuan or Sasaran row states for its indicator (T-C.27 columns 6-17);
// all blank when the table states none.
struct StatedTargets {
  std::string unit;
  TargetValue baseline;
  std::map<int, TargetValue> targets;  // year → target; a year without a cell is absent
  TargetValue end_target;
};

struct ObjectiveState {
  std::string id;
  std::string goal_id;
  std::string statement;
  std::string indicator;
  StatedTargets stated;
};

// The plan-stream versions written by one multi-event command (the import, a
// ratification). Versions strictly before `last` show a half-applied command.
struct CommandSpan {
  int64_t first = 0;
  int64_t last = 0;
  std::string what;  // "the import", "the ratification of REV-1"
};

struct GoalState {
  std::string id;
  std::string statement;
  std::string indicator;
  std::vector<std::string> objective_ids;
  StatedTargets stated;
};

class PlanState {
 public:
  // Applies one event of the plan stream: decodes the envelope's PlanEvent payload and
  // applies it. The envelope must be of the current schema (kPlanEventSchemaVersion):
  // feed the stored envelopes through a PlanUpcaster (domain/plan_upcaster.h) first.
  // INVALID_ARGUMENT if the payload does not decode; see Apply(PlanEvent) otherwise.
  absl::Status Apply(const v1::EventEnvelope& envelope);

  // Applies one event. FAILED_PRECONDITION if it contradicts the state (a node added
  // twice, a target for an unknown indicator, ...): the log is then not a plan's log.
  // Does not change version counters (see Apply(envelope)).
  absl::Status Apply(const v1::PlanEvent& event);

  // Applies the events of one command (one append) in order; stops at the first error.
  absl::Status ApplyAll(const std::vector<v1::PlanEvent>& events);

  // True once PlanEstablished was applied.
  bool established() const { return established_; }
  // Stream version: number of events applied through Apply(envelope).
  int64_t version() const { return version_; }
  uint64_t last_sequence() const { return last_sequence_; }

  const std::string& plan_id() const { return plan_id_; }
  const std::string& agency() const { return agency_; }
  const std::string& source() const { return source_; }
  const std::vector<GoalState>& goals() const { return goals_; }
  const ObjectiveState* FindObjective(std::string_view id) const;

  // nullptr if no node has that canonical code.
  const NodeState* FindNode(std::string_view canonical_code) const;
  // Roots in the order added: programs, and any node whose parent is missing (such a
  // node moves under its parent when the parent is added later).
  const std::vector<std::string>& roots() const { return roots_; }
  // Every node, depth-first from the roots in the order added (document order).
  std::vector<const NodeState*> NodesInOrder() const;
  size_t node_count() const { return nodes_.size(); }

  // Revisions: the number ratified, the open one (nullptr if none), the lock.
  int revision_number() const { return static_cast<int>(revisions_.size()); }
  const v1::RevisionInfo* open_revision() const {
    return open_revision_.revision_id().empty() ? nullptr : &open_revision_;
  }
  const std::vector<v1::RevisionInfo>& revisions() const { return revisions_; }
  bool locked() const { return locked_; }

  // The multi-event command whose append wrote `version` without finishing there, or
  // nullptr when `version` is a command boundary (a plan some reader could have seen).
  const CommandSpan* SpanInside(int64_t version) const;

  // (node, index in node.indicators) for an indicator id; {nullptr, 0} if unknown.
  std::pair<const NodeState*, size_t> FindIndicator(std::string_view indicator_id) const;

  // The whole plan with program trees and rollups.
  v1::Plan ToProto() const;
  // One node; with its descendants when `with_children`. NOT_FOUND naming the code.
  absl::StatusOr<v1::Node> NodeToProto(std::string_view canonical_code, bool with_children) const;

 private:
  NodeState* MutableNode(std::string_view canonical_code);
  absl::Status ApplyRevisionEvent(const v1::PlanEvent& event);
  void FillNode(const NodeState& node, bool with_children, v1::Node* out) const;

  bool established_ = false;
  int64_t version_ = 0;
  uint64_t last_sequence_ = 0;
  std::string plan_id_;
  std::string agency_;
  std::string source_;
  int baseline_year_ = 0;
  int final_year_ = 0;
  std::vector<GoalState> goals_;
  std::vector<ObjectiveState> objectives_;
  absl::flat_hash_map<std::string, NodeState> nodes_;
  std::vector<std::string> roots_;
  absl::flat_hash_map<std::string, std::pair<std::string, size_t>> indicator_index_;
  v1::RevisionInfo open_revision_;
  std::vector<v1::RevisionInfo> revisions_;
  bool locked_ = false;
  std::vector<CommandSpan> spans_;
};

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_PLAN_STATE_H_
