#include "domain/proposal_state.h"

#include "absl/strings/str_cat.h"
#include "domain/strings.h"

namespace renstra {
namespace {

constexpr std::string_view kStreamPrefix = "proposal/";
constexpr size_t kUsualSteps = 4;

ProposalStep StepOf(const v1::EventEnvelope& e, std::string event, std::string note) {
  return ProposalStep{std::move(event), e.principal(), e.role(), e.timestamp_micros(),
                      std::move(note)};
}

// Moves the decoded changes into the proposal (the message is parsed into again next).
void TakeChanges(google::protobuf::RepeatedPtrField<v1::Change>& from,
                 std::vector<v1::Change>* to) {
  to->clear();
  to->reserve(from.size());
  for (v1::Change& c : from) to->push_back(std::move(c));
}

}  // namespace

std::string ProposalBook::StreamOf(std::string_view scope, std::string_view proposal_id) {
  if (scope.empty()) return absl::StrCat(AsAbsl(kStreamPrefix), AsAbsl(proposal_id));
  return absl::StrCat(AsAbsl(kStreamPrefix), AsAbsl(scope), "/", AsAbsl(proposal_id));
}

bool ProposalBook::InScope(std::string_view stream, std::string_view scope) {
  if (stream.substr(0, kStreamPrefix.size()) != kStreamPrefix) return false;
  std::string_view rest = stream.substr(kStreamPrefix.size());
  if (!scope.empty()) {
    if (rest.size() <= scope.size() || rest.substr(0, scope.size()) != scope ||
        rest[scope.size()] != '/') {
      return false;
    }
    rest.remove_prefix(scope.size() + 1);
  }
  return !rest.empty() && rest.find('/') == std::string_view::npos;
}

std::string_view ProposalBook::IdOf(std::string_view stream) {
  const size_t slash = stream.rfind('/');
  return slash == std::string_view::npos ? stream : stream.substr(slash + 1);
}

absl::Status ProposalBook::ApplyProposalEnvelope(const v1::EventEnvelope& envelope) {
  // One message per thread, parsed into again and again (a replay applies hundreds of
  // thousands): a fresh one would allocate every sub-message each time.
  static thread_local v1::ProposalEvent event;
  if (!event.ParseFromString(envelope.payload())) {
    return absl::InvalidArgumentError(
        absl::StrCat("event ", envelope.sequence(), ": payload is not a ProposalEvent"));
  }
  std::string_view stream = envelope.stream();
  if (stream.substr(0, kStreamPrefix.size()) != kStreamPrefix) {
    return absl::InvalidArgumentError(
        absl::StrCat("event ", envelope.sequence(), ": not on a proposal stream"));
  }
  const std::string id(IdOf(stream));
  if (event.has_drafted()) {
    v1::ProposalDrafted& d = *event.mutable_drafted();
    auto [it, inserted] = proposals_.try_emplace(id);
    if (!inserted) {
      return absl::FailedPreconditionError(absl::StrCat("proposal ", id, " drafted twice"));
    }
    ProposalState& p = it->second;
    p.id = id;
    p.title = std::move(*d.mutable_title());
    p.justification = d.justification();
    p.proposer = std::move(*d.mutable_proposer());
    p.division = d.division();
    p.base_version = d.base_version();
    TakeChanges(*d.mutable_changes(), &p.changes);
    p.status = v1::DRAFT;
    p.stream_version = envelope.stream_version();
    // Drafted, submitted, reviewed, applied: room for the usual life in one allocation.
    p.history.reserve(kUsualSteps);
    p.history.push_back(StepOf(envelope, "drafted", std::move(*d.mutable_justification())));
    return absl::OkStatus();
  }
  auto it = proposals_.find(id);
  if (it == proposals_.end()) {
    return absl::FailedPreconditionError(
        absl::StrCat("event ", envelope.sequence(), ": proposal ", id, " was never drafted"));
  }
  ProposalState& p = it->second;
  p.stream_version = envelope.stream_version();
  switch (event.kind_case()) {
    case v1::ProposalEvent::kRevised: {
      v1::ProposalRevised& r = *event.mutable_revised();
      p.justification = r.justification();
      p.base_version = r.base_version();
      TakeChanges(*r.mutable_changes(), &p.changes);
      // A revised approved proposal (a rebase) needs a new review.
      if (p.status == v1::APPROVED) p.status = v1::DRAFT;
      p.history.push_back(StepOf(envelope, "revised", r.justification()));
      break;
    }
    case v1::ProposalEvent::kSubmitted:
      p.status = v1::SUBMITTED;
      p.last_note = event.submitted().note();
      p.history.push_back(StepOf(envelope, "submitted", event.submitted().note()));
      break;
    case v1::ProposalEvent::kWithdrawn:
      p.status = v1::WITHDRAWN;
      p.last_note = event.withdrawn().note();
      p.history.push_back(StepOf(envelope, "withdrawn", event.withdrawn().note()));
      break;
    case v1::ProposalEvent::kReviewed: {
      const v1::ProposalReviewed& r = event.reviewed();
      static constexpr const char* kNames[] = {"", "approved", "rejected", "returned"};
      static constexpr v1::ProposalStatus kStatus[] = {v1::PROPOSAL_STATUS_UNSPECIFIED,
                                                       v1::APPROVED, v1::REJECTED, v1::RETURNED};
      const int d = static_cast<int>(r.decision());
      if (d < 1 || d > 3) {
        return absl::InvalidArgumentError(
            absl::StrCat("event ", envelope.sequence(), ": review without a decision"));
      }
      p.status = kStatus[d];
      p.last_note = r.note();
      p.reviewer = r.reviewer();
      p.history.push_back(StepOf(envelope, kNames[d], r.note()));
      break;
    }
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("event ", envelope.sequence(), ": empty proposal event"));
  }
  return absl::OkStatus();
}

absl::Status ProposalBook::ApplyRatified(const v1::RevisionRatified& ratified,
                                         const v1::EventEnvelope& envelope) {
  for (const std::string& id : ratified.proposal_ids()) {
    auto it = proposals_.find(id);
    if (it == proposals_.end()) {
      return absl::FailedPreconditionError(
          absl::StrCat("revision ", ratified.revision_id(), " applies unknown proposal ", id));
    }
    it->second.status = v1::APPLIED;
    it->second.revision_id = ratified.revision_id();
    it->second.history.push_back(StepOf(
        envelope, "applied", absl::StrCat(ratified.name(), " (", ratified.legal_basis(), ")")));
  }
  return absl::OkStatus();
}

const ProposalState* ProposalBook::Find(std::string_view id) const {
  auto it = proposals_.find(id);
  return it == proposals_.end() ? nullptr : &it->second;
}

void ProposalBook::Restore(ProposalState state) {
  std::string id = state.id;
  proposals_.insert_or_assign(proposals_.end(), std::move(id), std::move(state));
}

}  // namespace renstra
