#include "tests/crash/log_checker.h"

#include <chrono>
#include <utility>

#include "absl/strings/str_cat.h"
#include "audit/merkle_hash.h"
#include "audit/merkle_verify.h"
#include "audit/tree_head.h"
#include "storage/envelope_hash.h"

namespace renstra::crash {
namespace {

constexpr uint32_t kPage = 1000;

std::unique_ptr<grpc::ClientContext> ContextWith(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  context->AddMetadata("authorization", "Bearer " + token);
  return context;
}

absl::Status Failed(const std::string& what, const grpc::Status& status) {
  return absl::InternalError(
      absl::StrCat(what, ": ", status.error_code(), " ", status.error_message()));
}

}  // namespace

absl::StatusOr<LogChecker> LogChecker::Create(const std::string& public_key_pem) {
  absl::StatusOr<Ed25519PublicKey> key = Ed25519PublicKey::FromPem(public_key_pem);
  if (!key.ok()) {
    return absl::FailedPreconditionError(absl::StrCat("pinned key: ", key.status().message()));
  }
  return LogChecker(*std::move(key));
}

const std::vector<LoggedEvent>& LogChecker::EventsOf(const std::string& request_id) const {
  static const std::vector<LoggedEvent> kNone;
  auto it = by_request_.find(request_id);
  return it == by_request_.end() ? kNone : it->second;
}

absl::Status LogChecker::Check(const std::shared_ptr<grpc::Channel>& channel,
                               const std::string& token) {
  auto audit = v1::AuditService::NewStub(channel);
  auto log = v1::LogService::NewStub(channel);

  // The signed head, with the pinned key.
  v1::SignedTreeHead sth;
  grpc::Status s = audit->GetSignedTreeHead(ContextWith(token).get(), {}, &sth);
  if (!s.ok()) return Failed("GetSignedTreeHead", s);
  absl::StatusOr<merkle::Hash> root = merkle::HashFromBytes(sth.root_hash());
  if (!root.ok()) return absl::DataLossError("signed tree head: malformed root");
  const merkle::TreeHead head{sth.tree_size(), *root, sth.timestamp_micros()};
  if (absl::Status v = merkle::VerifyTreeHead(key_, head, sth.signature()); !v.ok()) {
    return absl::DataLossError(absl::StrCat("tree head of ", sth.tree_size(),
                                            " events not signed by the pinned key: ", v.message()));
  }
  const uint64_t old_size = tree_.size();
  if (sth.tree_size() < old_size) {
    return absl::DataLossError(absl::StrCat("the log shrank from ", old_size, " to ",
                                            sth.tree_size(), " events (history truncated)"));
  }

  // The head verified before is a prefix of this one.
  if (old_size > 0) {
    v1::GetConsistencyProofRequest request;
    request.set_from_size(old_size);
    request.set_to_size(sth.tree_size());
    v1::ConsistencyProof proof;
    s = audit->GetConsistencyProof(ContextWith(token).get(), request, &proof);
    if (!s.ok()) return Failed("GetConsistencyProof", s);
    std::vector<merkle::Hash> path;
    for (const std::string& bytes : proof.path()) {
      absl::StatusOr<merkle::Hash> h = merkle::HashFromBytes(bytes);
      if (!h.ok()) return absl::DataLossError("consistency proof: malformed hash");
      path.push_back(*h);
    }
    if (absl::Status v =
            merkle::VerifyConsistency(old_size, sth.tree_size(), tree_.Root(), *root, path);
        !v.ok()) {
      return absl::DataLossError(absl::StrCat("consistency from ", old_size, " to ",
                                              sth.tree_size(), " events: ", v.message()));
    }
  }

  // The new events: a gap-free chain whose Merkle root is the signed one.
  merkle::MerkleTree tree = tree_;
  std::string last_hash = last_hash_.empty() ? kZeroHash : last_hash_;
  std::map<std::string, std::vector<LoggedEvent>> added;
  uint64_t next = old_size + 1;
  while (next <= sth.tree_size()) {
    v1::ReadEventsRequest request;
    request.set_from_sequence(next);
    request.set_limit(kPage);
    v1::ReadEventsResponse page;
    s = audit->ReadEvents(ContextWith(token).get(), request, &page);
    if (!s.ok()) return Failed("ReadEvents", s);
    if (page.events().empty()) {
      return absl::DataLossError(
          absl::StrCat("event ", next, ": missing (the signed head has ", sth.tree_size(), ")"));
    }
    for (const v1::EventEnvelope& e : page.events()) {
      if (e.sequence() > sth.tree_size()) break;
      if (e.sequence() != next) {
        return absl::DataLossError(absl::StrCat("event ", next, ": missing; read ", e.sequence()));
      }
      if (e.prev_hash() != last_hash) {
        return absl::DataLossError(
            absl::StrCat("event ", next, ": prev_hash does not match the previous event"));
      }
      const std::string bytes = SerializeEnvelope(e);
      last_hash = Sha256(bytes);
      tree.Append(merkle::LeafHash(bytes));
      if (!e.request_id().empty()) {
        added[e.request_id()].push_back(LoggedEvent{e.sequence(), e.stream(), e.event_type()});
      }
      ++next;
    }
  }
  if (tree.Root() != *root) {
    return absl::DataLossError(absl::StrCat("the Merkle root of the ", tree.size(),
                                            " events read is not the signed root"));
  }

  // The server's view of its head and of its whole chain.
  v1::GetHeadResponse head_response;
  s = log->GetHead(ContextWith(token).get(), {}, &head_response);
  if (!s.ok()) return Failed("GetHead", s);
  if (head_response.sequence() != tree.size() || head_response.hash() != ToHex(last_hash)) {
    return absl::DataLossError(absl::StrCat("GetHead says ", head_response.sequence(), " ",
                                            head_response.hash(), "; the events read end at ",
                                            tree.size(), " ", ToHex(last_hash)));
  }
  v1::VerifyLogRequest verify;
  verify.set_from_sequence(1);
  v1::VerifyLogResponse verified;
  s = log->VerifyLog(ContextWith(token).get(), verify, &verified);
  if (!s.ok()) return Failed("VerifyLog", s);
  if (verified.checked() != tree.size() || verified.head_hash() != ToHex(last_hash)) {
    return absl::DataLossError(absl::StrCat("VerifyLog checked ", verified.checked(), " events to ",
                                            verified.head_hash(), "; expected ", tree.size()));
  }

  tree_ = std::move(tree);
  last_hash_ = std::move(last_hash);
  for (auto& [id, events] : added) {
    std::vector<LoggedEvent>& all = by_request_[id];
    all.insert(all.end(), events.begin(), events.end());
  }
  return absl::OkStatus();
}

}  // namespace renstra::crash
