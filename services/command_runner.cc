#include "services/command_runner.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/text_limits.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "storage/envelope_hash.h"

namespace renstra {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// INVALID_ARGUMENT for `spec`'s request id, which `record` shows was used otherwise.
absl::Status Reused(const CommandSpec& spec, const RequestRecord& record) {
  const std::string used = absl::StrCat("request_id: \"", spec.request_id, "\" was already used ");
  if (record.legacy) {
    return absl::InvalidArgumentError(absl::StrCat(
        used, "by event ", record.result.first_sequence,
        ", recorded before request ids were scoped to their user; use a new request id"));
  }
  if (record.method != spec.method) {
    return absl::InvalidArgumentError(
        absl::StrCat(used, "for ", record.method, "; use a new request id"));
  }
  return absl::InvalidArgumentError(
      absl::StrCat(used, "for a different ", record.method, " request; use a new request id"));
}

}  // namespace

Principal PrincipalOf(const Actor& actor) {
  return Principal{actor.name, v1::Role::Value_Name(actor.role)};
}

NewEvent ToNewEvent(const Message& event, uint32_t schema_version) {
  NewEvent out;
  out.schema_version = schema_version;
  const google::protobuf::Descriptor* descriptor = event.GetDescriptor();
  if (descriptor->oneof_decl_count() > 0) {
    const FieldDescriptor* kind =
        event.GetReflection()->GetOneofFieldDescriptor(event, descriptor->oneof_decl(0));
    if (kind != nullptr && kind->message_type() != nullptr) {
      out.event_type = kind->message_type()->full_name();
    }
  }
  event.SerializeToString(&out.payload);
  return out;
}

std::string RequestFingerprint(const std::string& method, const Message& request) {
  const Message* subject = &request;
  std::unique_ptr<Message> copy;
  if (const FieldDescriptor* id = request.GetDescriptor()->FindFieldByName("request_id");
      id != nullptr && request.GetReflection()->HasField(request, id)) {
    copy.reset(request.New());
    copy->CopyFrom(request);
    copy->GetReflection()->ClearField(copy.get(), id);
    subject = copy.get();
  }
  std::string bytes = method;
  bytes.push_back('\0');
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    subject->SerializeToCodedStream(&coded);
  }
  return Sha256(bytes);
}

absl::Mutex* CommandRunner::LockOf(CommandLock lock) {
  switch (lock) {
    case CommandLock::kProposal:
    case CommandLock::kPlan:
      return &plan_mu_;
    case CommandLock::kRealizations:
      return &realization_mu_;
    case CommandLock::kUsers:
      return &users_mu_;
    case CommandLock::kAgencies:
      return &agencies_mu_;
  }
  return &plan_mu_;
}

absl::StatusOr<std::optional<CommandRunner::Prior>> CommandRunner::Lookup(
    const CommandSpec& spec, const std::string& fingerprint) {
  if (spec.request_id.empty()) return std::nullopt;
  RENSTRA_ASSIGN_OR_RETURN(std::optional<RequestRecord> record,
                           store_->FindRequest(spec.principal.name, spec.request_id));
  if (!record.has_value()) return std::nullopt;
  // The record is written with its events: once the projections have applied them,
  // an answer built from the projections shows the command.
  if (record->result.last_sequence > projector_->applied())
    RENSTRA_RETURN_IF_ERROR(projector_->CatchUp());
  Prior prior{*std::move(record), absl::OkStatus()};
  if (prior.record.legacy || prior.record.method != spec.method ||
      prior.record.fingerprint != fingerprint) {
    prior.reuse = Reused(spec, prior.record);
  }
  return prior;
}

absl::StatusOr<Landed> CommandRunner::Execute(
    const CommandSpec& spec, const std::function<absl::StatusOr<Decision>()>& decide) {
  // The id as the client sent it is bounded like any text field: it is stored with the
  // command and quoted in the reuse error.
  if (spec.request != nullptr) {
    if (const FieldDescriptor* id = spec.request->GetDescriptor()->FindFieldByName("request_id");
        id != nullptr && id->type() == FieldDescriptor::TYPE_STRING && !id->is_repeated()) {
      RENSTRA_RETURN_IF_ERROR(CheckText("request_id",
                                        spec.request->GetReflection()->GetString(*spec.request, id),
                                        kRequestIdText));
    }
  }
  const std::string fingerprint =
      spec.request_id.empty() ? std::string() : RequestFingerprint(spec.method, *spec.request);
  RENSTRA_ASSIGN_OR_RETURN(std::optional<Prior> prior, Lookup(spec, fingerprint));
  if (prior.has_value() && prior->reuse.ok()) {
    // A retry: the original landed; answer as it did.
    Landed landed{prior->record.stream, prior->record.result};
    landed.result.deduplicated = true;
    return landed;
  }
  const absl::Status reuse = prior.has_value() ? prior->reuse : absl::OkStatus();
  absl::StatusOr<Landed> landed = DecideAndAppend(spec, fingerprint, reuse, decide);
  if (landed.ok() || !reuse.ok() || spec.request_id.empty()) return landed;
  // A concurrent attempt of this very request may have landed between the lookup and
  // the decision (which then saw its effect): its result is this one's too.
  if (!projector_->CatchUp().ok()) return landed;
  absl::StatusOr<std::optional<Prior>> again = Lookup(spec, fingerprint);
  if (!again.ok() || !again->has_value() || !(*again)->reuse.ok()) return landed;
  Landed retry{(*again)->record.stream, (*again)->record.result};
  retry.result.deduplicated = true;
  return retry;
}

absl::StatusOr<Landed> CommandRunner::DecideAndAppend(
    const CommandSpec& spec, const std::string& fingerprint, const absl::Status& reuse,
    const std::function<absl::StatusOr<Decision>()>& decide) {
  // `conflicted` is set when the store refused the append for its expected version: a
  // concurrent command changed the stream after this decision read the projections.
  bool conflicted = false;
  auto decide_and_append = [&]() -> absl::StatusOr<Landed> {
    conflicted = false;
    RENSTRA_ASSIGN_OR_RETURN(Decision decision, decide());
    // Authorised and decided: only now may the caller learn that the id is taken.
    RENSTRA_RETURN_IF_ERROR(reuse);
    AppendRequest request;
    request.stream = decision.stream;
    request.expected_version = decision.expected_version;
    request.events = std::move(decision.events);
    // The full text of a reason is in the payload; the envelope keeps a short line of it
    // (docs/limits.md, "Text"), so a long justification is not stored twice.
    request.meta =
        CommandMeta{spec.principal.name, spec.principal.role, EnvelopeReason(decision.reason),
                    spec.request_id,     spec.method,         fingerprint};
    absl::StatusOr<AppendResult> appended = store_->Append(request);
    if (!appended.ok()) {
      conflicted = absl::IsAborted(appended.status());
      return appended.status();
    }
    const AppendResult result = *appended;
    RENSTRA_RETURN_IF_ERROR(projector_->CatchUp());
    // A deduplicated append is a racing retry's: its events were applied by it.
    if (!result.deduplicated && decision.apply) RENSTRA_RETURN_IF_ERROR(decision.apply());
    return Landed{request.stream, result};
  };
  // One scoped lock per mode (not Lock/Unlock picked at run time), so clang's
  // -Wthread-safety can pair each acquisition with its release.
  absl::Mutex* mu = LockOf(spec.lock);
  auto attempt = [&]() -> absl::StatusOr<Landed> {
    if (spec.lock == CommandLock::kProposal) {
      absl::ReaderMutexLock lock(mu);
      return decide_and_append();
    }
    absl::MutexLock lock(mu);
    return decide_and_append();
  };
  absl::StatusOr<Landed> landed = attempt();
  // A conflict means the decision read projections one command behind: decide again on
  // caught-up projections, so the caller gets the decision's own answer (e.g. "proposal
  // is APPROVED") rather than a version number. Bounded: under a steady stream of
  // writers the last ABORTED is returned, and the client may send it again.
  for (int again = 0; again < kConflictRedecisions && !landed.ok() && conflicted; ++again) {
    RENSTRA_RETURN_IF_ERROR(projector_->CatchUp());
    landed = attempt();
  }
  return landed;
}

}  // namespace renstra
