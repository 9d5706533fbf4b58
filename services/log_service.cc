#include "services/log_service.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/grpc_status.h"
#include "spdlog/spdlog.h"
#include "storage/envelope_hash.h"

namespace renstra {
namespace {

std::string Method(const char* rpc) {
  return FullMethodName(v1::LogService::service_full_name(), rpc);
}

}  // namespace

grpc::Status LogServiceImpl::GetHead(grpc::ServerContext* context,
                                     const v1::GetHeadRequest* /*request*/,
                                     v1::GetHeadResponse* response) {
  if (absl::StatusOr<Actor> actor = guard_->Admit(context, Method("GetHead")); !actor.ok()) {
    return ToGrpcStatus(actor.status());
  }
  const ChainHead head = store_->Head();
  response->set_sequence(head.sequence);
  response->set_hash(ToHex(head.hash));
  return grpc::Status::OK;
}

grpc::Status LogServiceImpl::VerifyLog(grpc::ServerContext* context,
                                       const v1::VerifyLogRequest* request,
                                       v1::VerifyLogResponse* response) {
  if (absl::StatusOr<Actor> actor = guard_->Admit(context, Method("VerifyLog")); !actor.ok()) {
    return ToGrpcStatus(actor.status());
  }
  const uint64_t from = request->from_sequence() == 0 ? 1 : request->from_sequence();
  const ChainHead before = store_->Head();
  if (from > 1 && from > before.sequence) {
    return ToGrpcStatus(absl::InvalidArgumentError(absl::StrCat(
        "from_sequence: ", from, " is past the head of the log (", before.sequence, ")")));
  }
  absl::StatusOr<uint64_t> checked = store_->VerifyChain(from);
  if (!checked.ok()) {
    spdlog::error("log verification from event {} failed: {}", from, checked.status().ToString());
    return ToGrpcStatus(checked.status());
  }
  // The head the checked events lead to: the last one checked. Appends may have
  // arrived meanwhile, so take its hash from its successor's link when there is one.
  const uint64_t last = *checked == 0 ? from - 1 : from + *checked - 1;
  const ChainHead head = store_->Head();
  std::string last_hash = head.hash;
  if (head.sequence != last) {
    absl::StatusOr<std::vector<v1::EventEnvelope>> next = store_->ReadAll(last + 1, 1);
    if (!next.ok()) return ToGrpcStatus(next.status());
    if (next->empty()) {
      return ToGrpcStatus(absl::InternalError(
          absl::StrCat("event ", last + 1, " is missing after the verified event ", last)));
    }
    last_hash = next->front().prev_hash();
  }
  response->set_checked(*checked);
  response->set_head_sequence(last);
  response->set_head_hash(ToHex(last_hash));
  spdlog::info("log verified from event {}: {} events, head {} {}", from, *checked, last,
               response->head_hash());
  return grpc::Status::OK;
}

}  // namespace renstra
