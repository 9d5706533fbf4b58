// ProposalBook: the projection of every change proposal (usulan perubahan): its
// changes with before → after, its status, and the history of its transitions.
//
// Built only from events: proposal-stream events (ProposalEvent) and, from the plan
// stream, RevisionRatified (which marks the proposals it applied as APPLIED). Replaying
// them in global sequence order rebuilds it exactly.
//
// Value type; not thread-safe (the application layer guards it).
#ifndef RENSTRA_DOMAIN_PROPOSAL_STATE_H_
#define RENSTRA_DOMAIN_PROPOSAL_STATE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "renstra/v1/events.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {

// One transition of a proposal, for its history.
struct ProposalStep {
  std::string event;  // "drafted", "revised", "submitted", "approved", ...
  std::string who;
  std::string role;
  int64_t at_micros = 0;
  std::string note;
};

struct ProposalState {
  std::string id;
  std::string title;
  std::string justification;
  std::string proposer;
  v1::Division division = v1::DIVISION_UNSPECIFIED;
  int64_t base_version = 0;
  std::vector<v1::Change> changes;
  v1::ProposalStatus status = v1::PROPOSAL_STATUS_UNSPECIFIED;
  std::string last_note;    // the latest review or transition note
  std::string reviewer;     // who decided last
  std::string revision_id;  // the revision that applied it
  uint64_t stream_version = 0;
  std::vector<ProposalStep> history;
};

class ProposalBook {
 public:
  // Stream name of a proposal: "proposal/<id>" in the unscoped book (the plan a
  // one-agency server held, whose streams keep their names), "proposal/<scope>/<id>"
  // in a plan's scoped book (`scope`: the plan's name, e.g. "dinkes-dumai"), so that
  // every agency numbers its proposals from USL-0001 without sharing a stream.
  static std::string StreamOf(std::string_view proposal_id) { return StreamOf("", proposal_id); }
  static std::string StreamOf(std::string_view scope, std::string_view proposal_id);
  // Whether `stream` is a proposal's stream of the book with `scope` (above).
  static bool InScope(std::string_view stream, std::string_view scope);
  // The proposal id of a proposal stream: its last segment ("USL-0001").
  static std::string_view IdOf(std::string_view stream);

  // Applies an envelope of a proposal stream. FAILED_PRECONDITION if the event does not
  // fit the proposal's state (the log is not a workflow log); INVALID_ARGUMENT if the
  // payload does not decode.
  absl::Status ApplyProposalEnvelope(const v1::EventEnvelope& envelope);
  // Marks the proposals a ratification applied.
  absl::Status ApplyRatified(const v1::RevisionRatified& ratified,
                             const v1::EventEnvelope& envelope);

  // nullptr if unknown.
  const ProposalState* Find(std::string_view id) const;
  // All proposals, ordered by id.
  const std::map<std::string, ProposalState, std::less<>>& all() const { return proposals_; }

  // Puts back a proposal exactly as a snapshot recorded it (services/snapshotter.h),
  // replacing one with the same id; cheapest when restored in id order.
  void Restore(ProposalState state);

 private:
  std::map<std::string, ProposalState, std::less<>> proposals_;
};

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_PROPOSAL_STATE_H_
