#include "bench/renstra_load.h"

#include <grpcpp/grpcpp.h>

#include <map>
#include <utility>

#include "absl/strings/str_cat.h"

namespace renstra::bench {
namespace {

constexpr char kReaderToken[] = "demo-inspektorat-token";

// Demo token of the user who proposes for a division (deploy/users.demo.textproto).
const std::map<v1::Division, std::string>& ProposerTokens() {
  static const auto* tokens = new std::map<v1::Division, std::string>{
      {v1::SEKRETARIAT, "demo-sekretariat-token"},
      {v1::PERLINDUNGAN_JAMINAN_SOSIAL, "demo-linjamsos-token"},
      {v1::REHABILITASI_SOSIAL, "demo-rehab-token"},
      {v1::PEMBERDAYAAN_SOSIAL, "demo-dayasos-token"},
      {v1::PEMBERDAYAAN_MASYARAKAT, "demo-dayamas-token"},
  };
  return *tokens;
}

std::string Error(const grpc::Status& s) {
  return s.ok() ? "" : absl::StrCat(s.error_code(), ": ", s.error_message());
}

// A channel with its own connection (no subchannel shared with other channels).
std::shared_ptr<grpc::Channel> OwnChannel(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetMaxReceiveMessageSize(64 << 20);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

void WithToken(grpc::ClientContext* context, const std::string& token) {
  context->AddMetadata("authorization", "Bearer " + token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
}

// Every target a proposer may change: NUMBER or PERCENT values of active nodes.
void CollectTargets(const v1::Node& node, std::vector<ProposalTarget>* targets,
                    std::vector<std::string>* codes) {
  codes->push_back(node.code());
  auto token = ProposerTokens().find(node.division());
  if (token != ProposerTokens().end()) {
    for (const v1::Indicator& indicator : node.indicators()) {
      for (const v1::YearTarget& t : indicator.targets()) {
        const bool retired = node.retired_from() != 0 && t.year() >= node.retired_from();
        const bool numeric = t.value().kind() == v1::TargetValue::NUMBER ||
                             t.value().kind() == v1::TargetValue::PERCENT;
        if (retired || !numeric || t.year() < indicator.from_year() ||
            t.year() > indicator.to_year()) {
          continue;
        }
        ProposalTarget target{indicator.id(), t.year(), t.value(), token->second};
        if (t.value().kind() == v1::TargetValue::NUMBER) {
          target.current.set_unit(indicator.unit());
        }
        target.current.clear_written();
        targets->push_back(std::move(target));
      }
    }
  }
  for (const v1::Node& child : node.children()) CollectTargets(child, targets, codes);
}

}  // namespace

absl::StatusOr<std::unique_ptr<RenstraLoad>> RenstraLoad::Connect(const std::string& address,
                                                                  int clients) {
  std::unique_ptr<RenstraLoad> load(new RenstraLoad());
  for (int c = 0; c < clients; ++c) {
    std::shared_ptr<grpc::Channel> channel = OwnChannel(address);
    load->plans_.push_back(v1::PlanService::NewStub(channel));
    load->workflows_.push_back(v1::WorkflowService::NewStub(channel));
    load->logs_.push_back(v1::LogService::NewStub(channel));
    if (c == 0) load->audit_ = v1::AuditService::NewStub(channel);
  }
  grpc::ClientContext context;
  WithToken(&context, kReaderToken);
  v1::GetPlanResponse plan;
  const grpc::Status s = load->plans_[0]->GetPlan(&context, v1::GetPlanRequest(), &plan);
  if (!s.ok()) return absl::UnavailableError(absl::StrCat("GetPlan: ", Error(s)));
  for (const v1::Node& program : plan.plan().programs()) {
    CollectTargets(program, &load->targets_, &load->codes_);
  }
  if (load->targets_.empty()) return absl::FailedPreconditionError("no proposable targets");
  return load;
}

std::string RenstraLoad::Propose(int client, const std::string& run_tag, uint64_t n) {
  const ProposalTarget& target = targets_[static_cast<size_t>(client) % targets_.size()];
  v1::ProposeRequest request;
  request.set_request_id(absl::StrCat(run_tag, "-", client, "-", n));
  request.set_title("Penyesuaian target");
  request.set_justification("Jumlah penerima manfaat bertambah");
  v1::SetTarget* set = request.add_changes()->mutable_set_target();
  set->set_indicator_id(target.indicator_id);
  set->set_year(target.year);
  *set->mutable_value() = target.current;
  set->mutable_value()->mutable_low()->set_units(target.current.low().units() +
                                                 static_cast<int64_t>(n % 97) + 1);
  grpc::ClientContext context;
  WithToken(&context, target.token);
  v1::ProposalView view;
  return Error(workflows_[client]->Propose(&context, request, &view));
}

std::string RenstraLoad::GetPlan(int client) {
  grpc::ClientContext context;
  WithToken(&context, kReaderToken);
  v1::GetPlanResponse plan;
  return Error(plans_[client]->GetPlan(&context, v1::GetPlanRequest(), &plan));
}

std::string RenstraLoad::GetHead(int client) {
  grpc::ClientContext context;
  WithToken(&context, kReaderToken);
  v1::GetHeadResponse head;
  return Error(logs_[client]->GetHead(&context, v1::GetHeadRequest(), &head));
}

std::string RenstraLoad::GetSubtree(int client, uint64_t n) {
  grpc::ClientContext context;
  WithToken(&context, kReaderToken);
  v1::GetSubtreeRequest request;
  request.set_code(codes_[n % codes_.size()]);
  v1::GetSubtreeResponse subtree;
  return Error(plans_[client]->GetSubtree(&context, request, &subtree));
}

absl::StatusOr<std::vector<v1::EventEnvelope>> RenstraLoad::ReadEvents(uint64_t from_sequence,
                                                                       uint32_t limit,
                                                                       uint64_t* head) {
  grpc::ClientContext context;
  WithToken(&context, kReaderToken);
  v1::ReadEventsRequest request;
  request.set_from_sequence(from_sequence);
  request.set_limit(limit);
  v1::ReadEventsResponse response;
  const grpc::Status s = audit_->ReadEvents(&context, request, &response);
  if (!s.ok()) return absl::UnavailableError(absl::StrCat("ReadEvents: ", Error(s)));
  if (head != nullptr) *head = response.head_sequence();
  return std::vector<v1::EventEnvelope>(response.events().begin(), response.events().end());
}

}  // namespace renstra::bench
