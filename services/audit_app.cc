#include "services/audit_app.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "audit/merkle_hash.h"
#include "base/status_macros.h"
#include "domain/agency_directory.h"
#include "domain/code.h"
#include "domain/diff_endpoints.h"
#include "domain/event_describer.h"
#include "domain/plan_diff.h"
#include "domain/plan_in_force.h"
#include "domain/proposal_state.h"
#include "domain/realization_book.h"
#include "domain/strings.h"
#include "domain/text_limits.h"
#include "services/page_budget.h"
#include "services/plan_replay.h"
#include "storage/envelope_hash.h"

namespace renstra {
namespace {

constexpr size_t kChunk = 4096;
constexpr uint32_t kMaxPage = 1000;

// Visits every stored event in sequence order.
template <typename Fn>
absl::Status ForEachEvent(EventStore* store, Fn fn) {
  uint64_t next = 1;
  while (true) {
    RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk, store->ReadAll(next, kChunk));
    for (const v1::EventEnvelope& e : chunk) fn(e);
    if (chunk.size() < kChunk) return absl::OkStatus();
    next += chunk.size();
  }
}

v1::AuditEvent ToAuditEvent(const v1::EventEnvelope& envelope) {
  v1::AuditEvent out;
  *out.mutable_envelope() = envelope;
  out.set_summary(DescribeEvent(envelope));
  return out;
}

// Visits the stored events from `from` in sequence order while `fn` returns true.
template <typename Fn>
absl::Status ForEachEventFrom(EventStore* store, uint64_t from, Fn fn) {
  uint64_t next = from;
  while (true) {
    RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk, store->ReadAll(next, kChunk));
    for (const v1::EventEnvelope& e : chunk) {
      if (!fn(e)) return absl::OkStatus();
    }
    if (chunk.size() < kChunk) return absl::OkStatus();
    next += chunk.size();
  }
}

// A history page token is the sequence its page starts at.
absl::StatusOr<uint64_t> HistoryStart(const std::string& token) {
  if (token.empty()) return 1;
  uint64_t from = 0;
  if (!absl::SimpleAtoi(token, &from) || from == 0) {
    return absl::InvalidArgumentError(absl::StrCat("page_token: \"", SafePrefix(token),
                                                   "\" is not a token from an earlier page"));
  }
  return from;
}

std::string Bytes(const merkle::Hash& hash) { return merkle::ToBytes(hash); }

// One difference for the wire: the revision that set the value last names the cause;
// the proposals of every revision that touched it in the range are listed, in order.
v1::DiffEntry ToProto(const PlanDifference& d) {
  v1::DiffEntry out;
  out.set_kind(static_cast<v1::DiffEntry::Kind>(static_cast<int>(d.kind)));
  out.set_node_code(d.node_code);
  out.set_node_name(d.node_name);
  out.set_indicator_id(d.indicator_id);
  out.set_year(d.year);
  out.set_before(d.before);
  out.set_after(d.after);
  if (!d.revisions.empty()) {
    const DiffRevision& last = d.revisions.back();
    out.set_revision_id(last.revision_id);
    out.set_revision_name(last.name);
    out.set_legal_basis(last.legal_basis);
  }
  for (const DiffRevision& r : d.revisions) {
    for (const DiffProposal& p : r.proposals) {
      out.add_proposal_ids(p.id);
      out.add_proposers(p.proposer);
      out.add_approvers(p.approver);
    }
  }
  return out;
}

// The subject of a history request, checked against the current models.
absl::StatusOr<AuditSubject> SubjectOf(const v1::GetHistoryRequest& request, const PlanState& plan,
                                       const ProposalBook& book) {
  switch (request.subject_case()) {
    case v1::GetHistoryRequest::kNodeCode: {
      absl::StatusOr<Code> code = Code::Parse(request.node_code());
      if (!code.ok()) {
        return absl::InvalidArgumentError(absl::StrCat("node_code: ", code.status().message()));
      }
      if (plan.FindNode(code->canonical()) == nullptr) {
        return absl::NotFoundError(absl::StrCat("node_code: no node with code ",
                                                SafePrefix(request.node_code()), " in the plan"));
      }
      return AuditSubject{AuditSubject::Kind::kNode, code->canonical()};
    }
    case v1::GetHistoryRequest::kIndicatorId:
      if (plan.FindIndicator(request.indicator_id()).first == nullptr) {
        return absl::NotFoundError(absl::StrCat(
            "indicator_id: no indicator ", SafePrefix(request.indicator_id()), " in the plan"));
      }
      return AuditSubject{AuditSubject::Kind::kIndicator, request.indicator_id()};
    case v1::GetHistoryRequest::kProposalId:
      if (book.Find(request.proposal_id()) == nullptr) {
        return absl::NotFoundError(
            absl::StrCat("proposal_id: no proposal ", SafePrefix(request.proposal_id())));
      }
      return AuditSubject{AuditSubject::Kind::kProposal, request.proposal_id()};
    case v1::GetHistoryRequest::kRevisionId: {
      bool known = plan.open_revision() != nullptr &&
                   plan.open_revision()->revision_id() == request.revision_id();
      for (const v1::RevisionInfo& r : plan.revisions()) {
        known = known || r.revision_id() == request.revision_id();
      }
      if (!known) {
        return absl::NotFoundError(
            absl::StrCat("revision_id: no revision ", SafePrefix(request.revision_id())));
      }
      return AuditSubject{AuditSubject::Kind::kRevision, request.revision_id()};
    }
    case v1::GetHistoryRequest::kUser:
      if (request.user().empty()) return absl::InvalidArgumentError("user: required");
      return AuditSubject{AuditSubject::Kind::kUser, request.user()};
    default:
      return absl::InvalidArgumentError(
          "subject: required (node_code, indicator_id, proposal_id, revision_id or user)");
  }
}

}  // namespace

bool AuditApp::OfThisPlan(const v1::EventEnvelope& e) const {
  const std::string& stream = e.stream();
  if (absl::StartsWith(stream, "plan/")) return stream == projector_->plan_id();
  if (absl::StartsWith(stream, "realization/")) {
    return stream == RealizationBook::StreamOf(projector_->plan_id());
  }
  if (absl::StartsWith(stream, "proposal/")) {
    return ProposalBook::InScope(stream, projector_->proposal_scope());
  }
  return true;  // users, agencies, refusals: not any one plan's
}

bool AuditApp::OfThisAgency(const v1::EventEnvelope& e) const {
  const std::string& stream = e.stream();
  if (absl::StartsWith(stream, AsAbsl(kAgencyStreamPrefix))) {
    // The plan id is "plan/<code in lower case>" (agency_plans.h).
    const std::string& plan_id = projector_->plan_id();
    const std::string code = plan_id.substr(plan_id.find('/') + 1);
    return stream == AgencyStream(absl::AsciiStrToUpper(code));
  }
  if (absl::StartsWith(stream, "plan/") || absl::StartsWith(stream, "realization/") ||
      absl::StartsWith(stream, "proposal/")) {
    return OfThisPlan(e);
  }
  return false;
}

absl::StatusOr<v1::GetHistoryResponse> AuditApp::History(
    const v1::GetHistoryRequest& request) const {
  RENSTRA_RETURN_IF_ERROR(merkle_->damage());
  // A revision's ratification: the plan version its append ended at, from the
  // projection, which counts the changes of a version-1 ratification (stored without
  // change_count) through the upcaster; 0 while not ratified or not yet projected.
  uint64_t ratified_through = 0;
  RENSTRA_ASSIGN_OR_RETURN(AuditSubject subject,
                           projector_->Read([&](const PlanState& plan, const ProposalBook& book) {
                             absl::StatusOr<AuditSubject> s = SubjectOf(request, plan, book);
                             if (s.ok() && s->kind == AuditSubject::Kind::kRevision) {
                               for (const v1::RevisionInfo& r : plan.revisions()) {
                                 if (r.revision_id() == s->id && r.plan_version() > 0) {
                                   ratified_through = static_cast<uint64_t>(r.plan_version());
                                 }
                               }
                             }
                             return s;
                           }));
  RENSTRA_ASSIGN_OR_RETURN(const uint64_t from, HistoryStart(request.page_token()));
  // A node's or an indicator's story includes the proposals that would change it: once a
  // proposal's draft or revision touched the subject, its submission, withdrawal and
  // every review decision, and the ratification that applied it, belong to the story too.
  // The log is read from its start to know those proposals; a later page only emits
  // from its token on.
  const bool follows_proposals =
      subject.kind == AuditSubject::Kind::kNode || subject.kind == AuditSubject::Kind::kIndicator;
  absl::flat_hash_set<std::string> proposals;
  v1::GetHistoryResponse out;
  PageBudget page(request.page_size());
  // A revision also owns the change events its ratification appended after it (one
  // append, so consecutive: a page never ends inside them, see below).
  VersionRange changes;
  const std::string& plan_stream = projector_->plan_id();
  const uint64_t scan_from = follows_proposals ? 1 : from;
  RENSTRA_RETURN_IF_ERROR(ForEachEventFrom(store_, scan_from, [&](const v1::EventEnvelope& e) {
    // Another agency's plan, proposals and realizations are not this plan's history
    // (its node codes and proposal ids may well be the same).
    if (!OfThisPlan(e)) return true;
    const bool applied = e.stream() == plan_stream && changes.Contains(e.stream_version());
    bool touches = applied || EventTouches(e, subject);
    if (follows_proposals && absl::StartsWith(e.stream(), "proposal/")) {
      const std::string id(ProposalBook::IdOf(e.stream()));
      if (touches) {
        proposals.insert(id);
      } else {
        touches = proposals.contains(id);
      }
    } else if (follows_proposals && !touches && e.stream() == plan_stream &&
               e.event_type() == v1::RevisionRatified::descriptor()->full_name()) {
      v1::PlanEvent ratified;
      if (ratified.ParseFromString(e.payload()) && ratified.has_revision_ratified()) {
        for (const std::string& id : ratified.revision_ratified().proposal_ids()) {
          touches = touches || proposals.contains(id);
        }
      }
    }
    if (!touches || e.sequence() < from) return true;
    v1::AuditEvent event = ToAuditEvent(e);
    if (!page.Take(event.ByteSizeLong()) && !applied) {
      out.set_next_page_token(absl::StrCat(e.sequence()));
      return false;
    }
    if (subject.kind == AuditSubject::Kind::kRevision && e.stream() == plan_stream &&
        e.event_type() == v1::RevisionRatified::descriptor()->full_name()) {
      v1::PlanEvent event;
      if (event.ParseFromString(e.payload()) && event.has_revision_ratified()) {
        const int32_t count = ratified_through > e.stream_version()
                                  ? static_cast<int32_t>(ratified_through - e.stream_version())
                                  : event.revision_ratified().change_count();
        changes = RatificationChangeVersions(e.stream_version(), count);
      }
    }
    *out.add_events() = std::move(event);
    return true;
  }));
  return out;
}

absl::StatusOr<v1::Plan> AuditApp::PlanAsOf(const v1::GetPlanAsOfRequest& request) const {
  RENSTRA_RETURN_IF_ERROR(merkle_->damage());
  switch (request.as_of_case()) {
    case v1::GetPlanAsOfRequest::kVersion: {
      RENSTRA_ASSIGN_OR_RETURN(
          PlanState plan, ReplayPlanToVersion(store_, *projector_, request.version(), "version"));
      return plan.ToProto();
    }
    case v1::GetPlanAsOfRequest::kTimestampMicros: {
      RENSTRA_ASSIGN_OR_RETURN(
          PlanState plan, ReplayPlanToInstant(store_, *projector_, request.timestamp_micros()));
      if (!plan.established()) {
        return absl::NotFoundError(absl::StrCat("timestamp_micros: ", request.timestamp_micros(),
                                                " is before the plan ", projector_->plan_id(),
                                                " was established"));
      }
      return plan.ToProto();
    }
    case v1::GetPlanAsOfRequest::kInForceDate: {
      const uint64_t current = static_cast<uint64_t>(projector_->Read(
          [](const PlanState& plan, const ProposalBook&) { return plan.version(); }));
      RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> stream,
                               ReadPlanStream(store_, projector_->plan_id(), current));
      return PlanInForce(stream, request.in_force_date());
    }
    default:
      return absl::InvalidArgumentError(
          "as_of: required (version, timestamp_micros or in_force_date)");
  }
}

absl::StatusOr<v1::DiffVersionsResponse> AuditApp::Diff(
    const v1::DiffVersionsRequest& request) const {
  RENSTRA_RETURN_IF_ERROR(merkle_->damage());
  // Which versions the request names, checked against the plan now: never a diff of a
  // range nobody asked for.
  RENSTRA_ASSIGN_OR_RETURN(
      const DiffEndpoints ends,
      projector_->Read(
          [&](const PlanState& plan, const ProposalBook&) -> absl::StatusOr<DiffEndpoints> {
            return ResolveDiffEndpoints(
                plan, DiffRequestEnds{request.from_version(), request.from_revision(),
                                      request.to_version(), request.to_revision()});
          }));
  RENSTRA_ASSIGN_OR_RETURN(PlanState from,
                           ReplayPlanToVersion(store_, *projector_, ends.from, "from_version"));
  RENSTRA_ASSIGN_OR_RETURN(PlanState to,
                           ReplayPlanToVersion(store_, *projector_, ends.to, "to_version"));
  v1::DiffVersionsResponse out;
  out.set_from_version(from.version());
  out.set_to_version(to.version());
  projector_->Read([&](const PlanState&, const ProposalBook& book) {
    for (const PlanDifference& d : DiffPlans(from, to, book)) *out.add_entries() = ToProto(d);
    return 0;
  });
  return out;
}

absl::StatusOr<v1::ReadEventsResponse> AuditApp::ReadEvents(
    const v1::ReadEventsRequest& request) const {
  RENSTRA_RETURN_IF_ERROR(merkle_->damage());
  const uint64_t from = request.from_sequence() == 0 ? 1 : request.from_sequence();
  const uint32_t limit =
      request.limit() == 0 || request.limit() > kMaxPage ? kMaxPage : request.limit();
  const uint64_t head = store_->Head().sequence;
  if (from > head + 1) {
    return absl::OutOfRangeError(
        absl::StrCat("from_sequence: ", from, " is past the end of the log (", head, " events)"));
  }
  v1::ReadEventsResponse out;
  // Whole pages of large events would pass what a client accepts: stop at the budget.
  PageBudget page(limit);
  uint64_t next = from;
  if (request.agency().empty()) {
    RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> events, store_->ReadAll(from, limit));
    for (v1::EventEnvelope& e : events) {
      if (!page.Take(e.ByteSizeLong())) break;
      next = e.sequence() + 1;
      *out.add_events() = std::move(e);
    }
  } else {
    // Another agency's events are skipped, not counted: the page ends when it is full,
    // at the head, or after kAgencyScanBudget events of the log, so that a page of a
    // quiet agency in a busy log still answers promptly.
    const uint64_t scan_end = std::min(head + 1, from + kAgencyScanBudget);
    bool full = false;
    while (!full && next < scan_end) {
      RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> events,
                               store_->ReadAll(next, static_cast<uint32_t>(std::min<uint64_t>(
                                                         kMaxPage, scan_end - next))));
      if (events.empty()) break;
      for (v1::EventEnvelope& e : events) {
        const uint64_t sequence = e.sequence();
        if (OfThisAgency(e)) {
          if (!page.Take(e.ByteSizeLong())) {
            full = true;
            break;
          }
          *out.add_events() = std::move(e);
        }
        next = sequence + 1;
      }
    }
  }
  out.set_head_sequence(store_->Head().sequence);
  out.set_next_sequence(next > out.head_sequence() ? 0 : next);
  return out;
}

absl::StatusOr<v1::SignedTreeHead> AuditApp::SignedTreeHead() const {
  RENSTRA_ASSIGN_OR_RETURN(SignedHead signed_head, merkle_->SignedTreeHead());
  v1::SignedTreeHead out;
  out.set_tree_size(signed_head.head.size);
  out.set_root_hash(Bytes(signed_head.head.root));
  out.set_timestamp_micros(signed_head.head.timestamp_micros);
  out.set_signature(signed_head.signature);
  out.set_key_id(merkle_->key_id());
  return out;
}

absl::StatusOr<v1::InclusionProof> AuditApp::InclusionProof(
    const v1::GetInclusionProofRequest& request) const {
  RENSTRA_RETURN_IF_ERROR(merkle_->Sync());
  const uint64_t size = request.tree_size() == 0 ? merkle_->size() : request.tree_size();
  if (request.sequence() == 0) return absl::InvalidArgumentError("sequence: required (from 1)");
  if (request.sequence() > size) {
    return absl::OutOfRangeError(absl::StrCat("sequence: event ", request.sequence(),
                                              " is not in a tree of ", size, " events"));
  }
  RENSTRA_ASSIGN_OR_RETURN(std::vector<merkle::Hash> path,
                           merkle_->InclusionProof(request.sequence() - 1, size));
  RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> event,
                           store_->ReadAll(request.sequence(), 1));
  if (event.empty()) {
    return absl::DataLossError(absl::StrCat("event ", request.sequence(), " is missing"));
  }
  v1::InclusionProof out;
  out.set_sequence(request.sequence());
  out.set_tree_size(size);
  for (const merkle::Hash& h : path) out.add_path(Bytes(h));
  *out.mutable_envelope() = std::move(event[0]);
  return out;
}

absl::StatusOr<v1::ConsistencyProof> AuditApp::ConsistencyProof(
    const v1::GetConsistencyProofRequest& request) const {
  RENSTRA_RETURN_IF_ERROR(merkle_->Sync());
  const uint64_t to = request.to_size() == 0 ? merkle_->size() : request.to_size();
  if (request.from_size() > to) {
    return absl::InvalidArgumentError(
        absl::StrCat("from_size: ", request.from_size(), " is larger than to_size ", to));
  }
  if (to > merkle_->size()) {
    return absl::OutOfRangeError(
        absl::StrCat("to_size: ", to, " exceeds the log's ", merkle_->size(), " events"));
  }
  RENSTRA_ASSIGN_OR_RETURN(std::vector<merkle::Hash> path,
                           merkle_->ConsistencyProof(request.from_size(), to));
  v1::ConsistencyProof out;
  out.set_from_size(request.from_size());
  out.set_to_size(to);
  for (const merkle::Hash& h : path) out.add_path(Bytes(h));
  return out;
}

v1::PublicKey AuditApp::PublicKey() const {
  v1::PublicKey out;
  out.set_pem(merkle_->public_key().ToPem());
  out.set_key_id(merkle_->key_id());
  return out;
}

absl::StatusOr<v1::RehashStoreResponse> AuditApp::Rehash() const {
  const auto start = std::chrono::steady_clock::now();
  RENSTRA_RETURN_IF_ERROR(merkle_->Sync());
  // The chain: every envelope's link to the one before (names the first broken event).
  RENSTRA_ASSIGN_OR_RETURN(uint64_t checked, store_->VerifyChain(1));
  // The tree: recomputed from the bytes on disk, compared with the one held since start.
  merkle::MerkleTree fresh;
  std::string last_hash = kZeroHash;
  RENSTRA_RETURN_IF_ERROR(ForEachEvent(store_, [&](const v1::EventEnvelope& e) {
    if (e.sequence() <= checked) {
      fresh.Append(MerkleLog::LeafOf(e));
      last_hash = HashEnvelope(e);
    }
  }));
  v1::RehashStoreResponse out;
  out.set_checked(checked);
  out.set_head_hash(ToHex(last_hash));
  out.set_root_hash(Bytes(fresh.Root()));
  RENSTRA_ASSIGN_OR_RETURN(merkle::Hash held, merkle_->Root(fresh.size()));
  out.set_root_matches(held == fresh.Root());
  out.set_elapsed_micros(std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::steady_clock::now() - start)
                             .count());
  if (!out.root_matches()) {
    return absl::DataLossError(absl::StrCat(
        "the stored events no longer give the Merkle root this server signed for ", fresh.size(),
        " events: ", merkle::ToHex(fresh.Root()), " vs ", merkle::ToHex(held)));
  }
  return out;
}

}  // namespace renstra
