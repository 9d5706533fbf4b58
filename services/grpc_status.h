// ToGrpcStatus: the one place where an absl::Status becomes a grpc::Status.
//
// Canonical codes map one to one (absl and gRPC share the numbering); the message is
// kept as is, so the field name and reason the domain wrote reach the client.
// Codes outside the canonical range become UNKNOWN.
//
// Thread safety: pure function.
#ifndef RENSTRA_SERVICES_GRPC_STATUS_H_
#define RENSTRA_SERVICES_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace renstra {

grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_GRPC_STATUS_H_
