// AgencyDirectory: the agencies (perangkat daerah) the server knows, their units and
// who is responsible for what — the fold of every "agency/<CODE>" stream
// (renstra/v1/agency.proto).
//
// Responsibility. A ResponsibilityAssigned event says that from a time on a unit is
// responsible for a program, a kegiatan or a sub kegiatan. Which unit is responsible
// for a node at a point of the history (ResponsibleFor):
//   * only assignments recorded up to that point (`as_of.sequence`) and effective by
//     then (`as_of.micros`) count;
//   * the most specific wins: the node's own assignment, else its kegiatan's, else its
//     program's;
//   * among the assignments of one code, the latest effective wins (equal times: the
//     one recorded later).
// So the history answers "who owned this when", and a reassignment never rewrites it.
//
// Value type (copyable); not thread-safe: the owner guards it (services/agency_app.h).
// Errors: Apply() returns DATA_LOSS for an event that contradicts the directory (the
// deciders never append one: agency_decider.h); queries return NOT_FOUND naming an
// unknown agency and INVALID_ARGUMENT naming a malformed node code.
#ifndef RENSTRA_DOMAIN_AGENCY_DIRECTORY_H_
#define RENSTRA_DOMAIN_AGENCY_DIRECTORY_H_

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renstra/v1/agency.pb.h"

namespace renstra {

// The stream of an agency's events: "agency/<code>".
std::string AgencyStream(std::string_view agency_code);
inline constexpr std::string_view kAgencyStreamPrefix = "agency/";

struct UnitInfo {
  std::string code;
  std::string name;
  v1::UnitKind::Value kind = v1::UnitKind::UNIT_KIND_UNSPECIFIED;
  bool retired = false;
};

// One ResponsibilityAssigned as recorded.
struct Assignment {
  std::string node;  // canonical code
  std::string unit;
  // When it takes effect (the event's, or its envelope's timestamp when it gave none).
  int64_t effective_micros = 0;
  uint64_t from_plan_version = 0;
  // The envelope's global sequence and timestamp.
  uint64_t sequence = 0;
  int64_t recorded_micros = 0;
};

struct AgencyInfo {
  std::string code;
  std::string name;
  std::string pemda;
  bool retired = false;
  // Events applied from the agency's stream (its stream version).
  uint64_t version = 0;
  // In order of creation.
  std::vector<UnitInfo> units;
  // Every assignment in log order: the history.
  std::vector<Assignment> assignments;

  const UnitInfo* FindUnit(std::string_view unit_code) const;
};

// A point of the history: events up to `sequence`, effective up to `micros`.
struct AsOf {
  int64_t micros = std::numeric_limits<int64_t>::max();
  uint64_t sequence = std::numeric_limits<uint64_t>::max();

  // Everything recorded, effective by `now_micros`.
  static AsOf Now(int64_t now_micros) { return AsOf{now_micros}; }
};

class AgencyDirectory {
 public:
  // Applies the event of an envelope of stream AgencyStream(code): `sequence` and
  // `timestamp_micros` are the envelope's. DATA_LOSS naming the sequence when the event
  // does not fit the directory (unknown agency or unit, duplicate code, empty event).
  absl::Status Apply(const v1::AgencyEvent& event, uint64_t sequence, int64_t timestamp_micros);

  // The agency, or null.
  const AgencyInfo* Find(std::string_view agency_code) const;
  // NOT_FOUND "agency: no agency <code>" when unknown.
  absl::StatusOr<const AgencyInfo*> Get(std::string_view agency_code) const;
  // Every agency, ordered by code.
  std::vector<const AgencyInfo*> List() const;

  // The assignment that makes a unit responsible for `node_code` (any written form of a
  // program, kegiatan or sub kegiatan code) at `as_of`, per the rules above; nullopt
  // when no assignment covers it. NOT_FOUND for an unknown agency, INVALID_ARGUMENT
  // "node: ..." for a malformed code or one above program level.
  absl::StatusOr<std::optional<Assignment>> ResponsibleFor(std::string_view agency_code,
                                                           std::string_view node_code,
                                                           const AsOf& as_of) const;

  // For every code with an assignment effective at `as_of`, the winning one, ordered
  // by code (what GetAgency shows as the current responsibility table).
  absl::StatusOr<std::vector<Assignment>> AssignmentsAt(std::string_view agency_code,
                                                        const AsOf& as_of) const;

 private:
  std::map<std::string, AgencyInfo, std::less<>> agencies_;
};

// The latest assignment of exactly `canonical_code` among `assignments` at `as_of`.
std::optional<Assignment> LatestAssignment(const std::vector<Assignment>& assignments,
                                           std::string_view canonical_code, const AsOf& as_of);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_AGENCY_DIRECTORY_H_
