#include "storage/append_rules.h"

#include "absl/strings/str_cat.h"

namespace renstra {
namespace {

// Debian's Abseil has its own absl::string_view, which StrCat needs.
absl::string_view AsAbsl(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace

absl::Status ValidateAppendRequest(const AppendRequest& request) {
  if (request.stream.empty()) {
    return absl::InvalidArgumentError("stream: must not be empty");
  }
  if (request.stream.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError("stream: must not contain a NUL character");
  }
  if (request.events.empty()) {
    return absl::InvalidArgumentError("events: must not be empty");
  }
  for (size_t i = 0; i < request.events.size(); ++i) {
    if (request.events[i].event_type.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("events[", i, "].event_type: must not be empty"));
    }
  }
  if (request.expected_version < kAnyVersion) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected_version: must be >= 0 or kAnyVersion (-1), got ", request.expected_version));
  }
  return absl::OkStatus();
}

absl::Status CheckExpectedVersion(std::string_view stream, int64_t expected, uint64_t actual) {
  if (expected == kAnyVersion || static_cast<uint64_t>(expected) == actual) {
    return absl::OkStatus();
  }
  return absl::AbortedError(absl::StrCat("stream ", AsAbsl(stream), ": expected version ", expected,
                                         ", actual ", actual));
}

absl::Status CheckRetryOf(const RequestRecord& record, const AppendRequest& request) {
  const std::string used =
      absl::StrCat("meta.request_id: \"", request.meta.request_id, "\" was already used ");
  if (record.legacy) {
    return absl::InvalidArgumentError(
        absl::StrCat(used, "before request ids were scoped; use a new request id"));
  }
  if (record.stream != request.stream) {
    return absl::InvalidArgumentError(
        absl::StrCat(used, "for stream \"", record.stream, "\", not \"", request.stream, "\""));
  }
  if (record.method != request.meta.method) {
    return absl::InvalidArgumentError(
        absl::StrCat(used, "for ", record.method, ", not ", request.meta.method));
  }
  if (record.fingerprint != request.meta.fingerprint) {
    return absl::InvalidArgumentError(
        absl::StrCat(used, "for a different ", record.method, " request"));
  }
  return absl::OkStatus();
}

v1::EventEnvelope BuildEnvelope(const AppendRequest& request, size_t index, uint64_t sequence,
                                uint64_t stream_version, int64_t timestamp_micros,
                                const std::string& prev_hash) {
  const NewEvent& event = request.events[index];
  v1::EventEnvelope envelope;
  envelope.set_sequence(sequence);
  envelope.set_stream(request.stream);
  envelope.set_stream_version(stream_version);
  envelope.set_event_type(event.event_type);
  envelope.set_schema_version(event.schema_version);
  envelope.set_payload(event.payload);
  envelope.set_principal(request.meta.principal);
  envelope.set_role(request.meta.role);
  envelope.set_timestamp_micros(timestamp_micros);
  envelope.set_reason(request.meta.reason);
  envelope.set_request_id(request.meta.request_id);
  envelope.set_prev_hash(prev_hash);
  return envelope;
}

}  // namespace renstra
