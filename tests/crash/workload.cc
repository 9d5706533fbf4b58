#include "tests/crash/workload.h"

#include <algorithm>
#include <random>
#include <utility>

#include "absl/strings/str_cat.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"
#include "services/authenticator.h"

namespace renstra::crash {
namespace {

constexpr int kFirstYear = 2022;
constexpr int kLastYear = 2026;
// Of every 8 clients: 3 record realizations, 4 propose, 1 reviews.
constexpr int kRealizationSlots = 3;
constexpr int kProposalSlots = 4;
constexpr int kSlots = 8;
// The Kepala Bidang who record and propose, one per division.
constexpr int kDivisionHeads = 4;
constexpr char kConflictPrefix[] =
    "ratification conflicts; nothing applied; rebase these proposals: ";

// An answer that may have been lost on the way: the command may or may not have landed.
bool AnswerLost(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::CANCELLED:
      return true;
    default:
      return false;
  }
}

const char* CodeName(grpc::StatusCode code) {
  static constexpr const char* kNames[] = {"OK",
                                           "CANCELLED",
                                           "UNKNOWN",
                                           "INVALID_ARGUMENT",
                                           "DEADLINE_EXCEEDED",
                                           "NOT_FOUND",
                                           "ALREADY_EXISTS",
                                           "PERMISSION_DENIED",
                                           "RESOURCE_EXHAUSTED",
                                           "FAILED_PRECONDITION",
                                           "ABORTED",
                                           "OUT_OF_RANGE",
                                           "UNIMPLEMENTED",
                                           "INTERNAL",
                                           "UNAVAILABLE",
                                           "DATA_LOSS",
                                           "UNAUTHENTICATED"};
  const int i = static_cast<int>(code);
  return i >= 0 && i < 17 ? kNames[i] : "?";
}

// "CODE: message".
std::string Describe(const grpc::Status& status) {
  return absl::StrCat(CodeName(status.error_code()), ": ", status.error_message());
}

// Every node of `division` still active, in plan order.
void CollectNodes(const v1::Node& node, v1::Division division, std::vector<std::string>* out) {
  if (node.division() == division && node.retired_from() == 0) out->push_back(node.code());
  for (const v1::Node& child : node.children()) CollectNodes(child, division, out);
}

v1::Money Rupiah(int64_t amount) {
  v1::Money m;
  m.set_rupiah(amount);
  m.set_present(true);
  return m;
}

}  // namespace

const char* KindName(CommandKind kind) {
  switch (kind) {
    case CommandKind::kRecordSpending:
      return "RecordSpending";
    case CommandKind::kCorrectSpending:
      return "CorrectRealization";
    case CommandKind::kPropose:
      return "Propose";
    case CommandKind::kReview:
      return "ReviewProposal";
    case CommandKind::kOpenRevision:
      return "OpenRevision";
    case CommandKind::kRatify:
      return "RatifyRevision";
  }
  return "?";
}

const std::vector<WorkloadUser>& WorkloadUsers() {
  static const std::vector<WorkloadUser> kUsers = {
      {"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, "crash-rehab-4c1e9a7b02d3"},
      {"linjamsos", v1::Role::KEPALA_BIDANG, v1::PERLINDUNGAN_JAMINAN_SOSIAL,
       "crash-linjamsos-8d25f0e1c6a4"},
      {"dayasos", v1::Role::KEPALA_BIDANG, v1::PEMBERDAYAAN_SOSIAL, "crash-dayasos-3b7a91c4e5f0"},
      {"dayamas", v1::Role::KEPALA_BIDANG, v1::PEMBERDAYAAN_MASYARAKAT,
       "crash-dayamas-e20f6d8b13c9"},
      {"kadis", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED, "crash-kadis-71a0c3e9d5b2"},
      {"inspektorat", v1::Role::INSPEKTORAT, v1::DIVISION_UNSPECIFIED,
       "crash-inspektorat-5f93b2e07a1d"},
      {"admin", v1::Role::ADMIN, v1::DIVISION_UNSPECIFIED, "crash-admin-c86d14f2a9e0"},
  };
  return kUsers;
}

v1::UsersConfig WorkloadUsersConfig() {
  v1::UsersConfig config;
  for (const WorkloadUser& u : WorkloadUsers()) {
    *config.add_user() = Authenticator::MakeEntry(u.name, u.role, u.division, u.token);
  }
  return config;
}

const std::string& TokenOf(const std::string& name) {
  for (const WorkloadUser& u : WorkloadUsers()) {
    if (u.name == name) return u.token;
  }
  static const std::string kNone;
  return kNone;
}

// One realization subject (a node's spending in a year) and its current record.
struct Subject {
  std::string node_code;
  int year = 0;
  std::string current_id;  // empty: nothing recorded yet
};

struct Workload::Client {
  enum class Role { kRealization, kPropose, kReview };
  int index = 0;
  int rank = 0;  // realization clients: its rank among those of the same user
  Role role = Role::kPropose;
  const WorkloadUser* user = nullptr;
  std::vector<std::string> nodes;  // proposal clients: the division's nodes
  std::vector<Subject> subjects;   // realization clients: the subjects it owns
  std::mt19937 random;
  int sequence = 0;            // request ids: crash-<index>-<sequence>
  int decisions = 0;           // review clients: cycles approve/reject/return
  bool ratifies = false;       // the first review client ratifies its approvals
  bool revision_open = false;  // ... in a revision it opened
  int revisions = 0;
  std::unique_ptr<v1::RealizationService::Stub> realization;
  std::unique_ptr<v1::WorkflowService::Stub> workflow;

  std::string NextRequestId() { return absl::StrCat("crash-", index, "-", ++sequence); }
};

Workload::Workload(WorkloadOptions options, const v1::Plan& plan) : options_(std::move(options)) {
  const std::vector<WorkloadUser>& users = WorkloadUsers();
  std::vector<std::vector<std::string>> division_nodes(kDivisionHeads);
  for (int d = 0; d < kDivisionHeads; ++d) {
    for (const v1::Node& program : plan.programs()) {
      CollectNodes(program, users[d].division, &division_nodes[d]);
    }
  }
  // Realization clients of one head split that division's subjects between them.
  std::vector<int> realization_clients_of(kDivisionHeads, 0);
  int realization_count = 0;
  int proposal_count = 0;
  for (int i = 0; i < options_.clients; ++i) {
    auto client = std::make_unique<Client>();
    client->index = i;
    client->random.seed(options_.seed * 7919u + static_cast<uint32_t>(i));
    const int slot = i % kSlots;
    if (slot < kRealizationSlots) {
      client->role = Client::Role::kRealization;
      const int head = realization_count++ % kDivisionHeads;
      client->user = &users[head];
      client->rank = realization_clients_of[head]++;
    } else if (slot < kRealizationSlots + kProposalSlots) {
      client->role = Client::Role::kPropose;
      const int head = proposal_count++ % kDivisionHeads;
      client->user = &users[head];
      client->nodes = division_nodes[head];
    } else {
      client->role = Client::Role::kReview;
      client->user = &users[kDivisionHeads];  // kadis
      client->ratifies = i == kSlots - 1;
    }
    // Its own connection, as a separate client program would have; reconnect fast
    // after the server comes back.
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 20);
    args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 20);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 100);
    auto channel =
        grpc::CreateCustomChannel(options_.address, grpc::InsecureChannelCredentials(), args);
    client->realization = v1::RealizationService::NewStub(channel);
    client->workflow = v1::WorkflowService::NewStub(channel);
    clients_.push_back(std::move(client));
  }
  for (auto& client : clients_) {
    if (client->role != Client::Role::kRealization) continue;
    const int head = static_cast<int>(client->user - &users[0]);
    const int of = realization_clients_of[head];
    const std::vector<std::string>& nodes = division_nodes[head];
    for (size_t n = 0; n < nodes.size(); ++n) {
      if (static_cast<int>(n % of) != client->rank) continue;
      for (int year = kFirstYear; year <= kLastYear; ++year) {
        client->subjects.push_back(Subject{nodes[n], year, ""});
      }
    }
  }
}

Workload::~Workload() {
  stopping_.store(true);
  {
    std::lock_guard<std::mutex> lock(mu_);
    paused_ = false;
  }
  changed_.notify_all();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void Workload::Start() {
  for (auto& client : clients_) {
    threads_.emplace_back([this, c = client.get()] { Run(*c); });
  }
}

void Workload::Pause() {
  std::unique_lock<std::mutex> lock(mu_);
  paused_ = true;
  changed_.wait(lock, [this] { return in_call_ == 0; });
}

void Workload::Resume() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    paused_ = false;
  }
  changed_.notify_all();
}

void Workload::Drain() {
  draining_.store(true);
  Resume();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

std::vector<CommandRecord> Workload::Records() const {
  std::lock_guard<std::mutex> lock(mu_);
  return std::vector<CommandRecord>(records_.begin(), records_.end());
}

size_t Workload::NewRecord(CommandRecord record) {
  std::lock_guard<std::mutex> lock(mu_);
  records_.push_back(std::move(record));
  return records_.size() - 1;
}

void Workload::Update(size_t index, const std::function<void(CommandRecord&)>& fn) {
  std::lock_guard<std::mutex> lock(mu_);
  fn(records_[index]);
}

void Workload::Run(Client& client) {
  while (!draining_.load() && !stopping_.load()) {
    switch (client.role) {
      case Client::Role::kRealization:
        RealizationStep(client);
        break;
      case Client::Role::kPropose:
        ProposeStep(client);
        break;
      case Client::Role::kReview:
        ReviewStep(client);
        break;
    }
  }
}

template <typename Call>
void Workload::Send(Client& client, size_t record, Call call) {
  while (!stopping_.load()) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [this] { return !paused_ || stopping_.load(); });
      if (stopping_.load()) return;
      ++in_call_;
    }
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + options_.call_timeout);
    context.AddMetadata("authorization", "Bearer " + client.user->token);
    const grpc::Status status = call(&context);
    const int generation = generation_.load();
    {
      std::lock_guard<std::mutex> lock(mu_);
      --in_call_;
      CommandRecord& r = records_[record];
      ++r.attempts;
      if (status.ok()) {
        r.acknowledged = true;
        r.ack_generation = generation;
      } else if (AnswerLost(status)) {
        if (r.doubt_generation < 0) r.doubt_generation = generation;
      } else {
        r.refusal = Describe(status);
      }
    }
    changed_.notify_all();
    if (!AnswerLost(status)) return;
    std::this_thread::sleep_for(options_.retry_pause);
  }
}

void Workload::RealizationStep(Client& client) {
  if (client.subjects.empty()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return;
  }
  const size_t pick = client.random() % client.subjects.size();
  Subject& subject = client.subjects[pick];
  const int64_t amount = static_cast<int64_t>(1 + client.random() % 900000) * 1000;
  CommandRecord record;
  record.request_id = client.NextRequestId();
  record.user = client.user->name;
  v1::RealizationView view;
  size_t index = 0;
  if (subject.current_id.empty()) {
    record.kind = CommandKind::kRecordSpending;
    v1::RecordSpendingRequest request;
    request.set_request_id(record.request_id);
    request.set_node_code(subject.node_code);
    request.set_year(subject.year);
    *request.mutable_spent() = Rupiah(amount);
    request.set_evidence_ref(absl::StrCat("SP2D/", record.request_id));
    index = NewRecord(record);
    Send(client, index, [&](grpc::ClientContext* context) {
      return client.realization->RecordSpending(context, request, &view);
    });
  } else {
    record.kind = CommandKind::kCorrectSpending;
    v1::CorrectRealizationRequest request;
    request.set_request_id(record.request_id);
    request.set_corrects_id(subject.current_id);
    *request.mutable_spent() = Rupiah(amount);
    request.set_evidence_ref(absl::StrCat("LRA/", record.request_id));
    request.set_note("koreksi uji crash");
    index = NewRecord(record);
    Send(client, index, [&](grpc::ClientContext* context) {
      return client.realization->CorrectRealization(context, request, &view);
    });
  }
  bool acknowledged = false;
  Update(index, [&](CommandRecord& r) {
    acknowledged = r.acknowledged;
    if (!acknowledged) return;
    r.realization_id = view.realization_id();
    if (view.spent().rupiah() != amount || view.node_code() != subject.node_code ||
        view.year() != subject.year || view.corrects_id() != subject.current_id) {
      r.bad_answer = absl::StrCat("answered ", view.ShortDebugString());
    }
  });
  if (acknowledged) {
    subject.current_id = view.realization_id();
  } else if (!stopping_.load()) {
    // Refused: the subject's state is unknown from here on; leave it alone.
    client.subjects.erase(client.subjects.begin() + static_cast<std::ptrdiff_t>(pick));
  }
}

void Workload::ProposeStep(Client& client) {
  if (client.nodes.empty()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return;
  }
  CommandRecord record;
  record.kind = CommandKind::kPropose;
  record.request_id = client.NextRequestId();
  record.user = client.user->name;
  record.submit = client.sequence % 2 == 0;
  v1::ProposeRequest request;
  request.set_request_id(record.request_id);
  request.set_title(absl::StrCat("Pagu uji ", record.request_id));
  request.set_justification("Uji ketahanan: penyesuaian pagu indikatif");
  v1::SetFunding* funding = request.add_changes()->mutable_set_funding();
  funding->set_node_code(client.nodes[client.random() % client.nodes.size()]);
  funding->set_year(kFirstYear + static_cast<int>(client.random() % 5));
  *funding->mutable_amount() = Rupiah(static_cast<int64_t>(1 + client.random() % 900000) * 1000);
  request.set_submit(record.submit);
  const size_t index = NewRecord(record);
  v1::ProposalView view;
  Send(client, index, [&](grpc::ClientContext* context) {
    return client.workflow->Propose(context, request, &view);
  });
  bool submitted = false;
  Update(index, [&](CommandRecord& r) {
    if (!r.acknowledged) return;
    r.proposal_id = view.proposal_id();
    const v1::ProposalStatus want = r.submit ? v1::SUBMITTED : v1::DRAFT;
    if (view.status() != want || view.proposer() != r.user || view.changes_size() != 1) {
      r.bad_answer =
          absl::StrCat("Propose(submit=", r.submit, ") answered proposal ", view.proposal_id(),
                       " with status ", v1::ProposalStatus_Name(view.status()));
    }
    submitted = view.status() == v1::SUBMITTED;
  });
  if (submitted) {
    std::lock_guard<std::mutex> lock(mu_);
    to_review_.push_back(view.proposal_id());
  }
}

void Workload::ReviewStep(Client& client) {
  std::string proposal_id;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!to_review_.empty()) {
      proposal_id = to_review_.front();
      to_review_.pop_front();
    }
  }
  if (proposal_id.empty()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return;
  }
  static constexpr v1::ProposalReviewed::Decision kDecisions[] = {
      v1::ProposalReviewed::APPROVE, v1::ProposalReviewed::REJECT, v1::ProposalReviewed::RETURN};
  static constexpr v1::ProposalStatus kAfter[] = {v1::APPROVED, v1::REJECTED, v1::RETURNED};
  const int decision = client.decisions++ % 3;
  CommandRecord record;
  record.kind = CommandKind::kReview;
  record.request_id = client.NextRequestId();
  record.user = client.user->name;
  record.proposal_id = proposal_id;
  v1::ReviewProposalRequest request;
  request.set_request_id(record.request_id);
  request.set_proposal_id(proposal_id);
  request.set_decision(kDecisions[decision]);
  request.set_note("Ditinjau dalam uji ketahanan");
  const size_t index = NewRecord(record);
  v1::ProposalView view;
  Send(client, index, [&](grpc::ClientContext* context) {
    return client.workflow->ReviewProposal(context, request, &view);
  });
  bool approved = false;
  Update(index, [&](CommandRecord& r) {
    if (r.acknowledged && view.status() != kAfter[decision]) {
      r.bad_answer = absl::StrCat("ReviewProposal answered ", proposal_id, " with status ",
                                  v1::ProposalStatus_Name(view.status()), ", expected ",
                                  v1::ProposalStatus_Name(kAfter[decision]));
    }
    approved = r.acknowledged && view.status() == v1::APPROVED;
  });
  if (approved && client.ratifies && !stopping_.load()) RatifyStep(client, proposal_id);
}

void Workload::RatifyStep(Client& client, const std::string& proposal_id) {
  if (!client.revision_open) {
    CommandRecord record;
    record.kind = CommandKind::kOpenRevision;
    record.request_id = client.NextRequestId();
    record.user = client.user->name;
    v1::OpenRevisionRequest request;
    request.set_request_id(record.request_id);
    request.set_name(absl::StrCat("Perubahan Renstra uji ", ++client.revisions));
    const size_t index = NewRecord(record);
    v1::RevisionInfo info;
    Send(client, index, [&](grpc::ClientContext* context) {
      return client.workflow->OpenRevision(context, request, &info);
    });
    Update(index, [&](CommandRecord& r) {
      client.revision_open = r.acknowledged;
      if (r.acknowledged && info.name() != request.name()) {
        r.bad_answer = absl::StrCat("OpenRevision answered ", info.ShortDebugString());
      }
    });
    if (!client.revision_open) return;
  }
  CommandRecord record;
  record.kind = CommandKind::kRatify;
  record.request_id = client.NextRequestId();
  record.user = client.user->name;
  record.proposal_id = proposal_id;
  v1::RatifyRevisionRequest request;
  request.set_request_id(record.request_id);
  request.set_legal_basis("Peraturan Wali Kota Dumai (uji ketahanan)");
  request.set_reason("uji crash");
  request.set_effective_date("2025-07-01");
  request.set_signer("Wali Kota Dumai");
  request.add_proposal_ids(proposal_id);
  // A random target may add validator findings; the workload is about durability.
  request.set_accept_findings(true);
  request.set_accept_reason("uji crash");
  const size_t index = NewRecord(record);
  v1::RevisionInfo info;
  Send(client, index, [&](grpc::ClientContext* context) {
    return client.workflow->RatifyRevision(context, request, &info);
  });
  Update(index, [&](CommandRecord& r) {
    if (r.acknowledged) {
      client.revision_open = false;
      if (info.proposal_ids_size() != 1 || info.proposal_ids(0) != proposal_id) {
        r.bad_answer = absl::StrCat("RatifyRevision answered ", info.ShortDebugString());
      }
    } else if (r.refusal.rfind(absl::StrCat("ABORTED: ", kConflictPrefix), 0) == 0) {
      // An earlier ratification changed the value this proposal was based on.
      r.expected_refusal = std::move(r.refusal);
      r.refusal.clear();
    }
  });
}

}  // namespace renstra::crash
