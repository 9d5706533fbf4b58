// Web errors: a gRPC status from renstrad (or a request the gateway could not read) as
// the HTTP status and the Indonesian sentence the console shows.
//
// renstrad's messages name the field first ("name: required", "changes[2].set_target.
// year: ..."); the sentence keeps the field's name and says the reason in Bahasa
// Indonesia where the reason is one the gateway knows (required, too long, too short,
// login refusals, an expired session, a role refusal: "Ditolak: hanya Kepala Dinas yang
// berwenang meninjau usulan; rehab adalah Kepala Bidang."), else it quotes the server's
// reason.
//
//   INVALID_ARGUMENT 400   UNAUTHENTICATED 401   PERMISSION_DENIED 403   NOT_FOUND 404
//   ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION 409   RESOURCE_EXHAUSTED 429
//   UNAVAILABLE 503   DEADLINE_EXCEEDED 504   anything else 500
//
// The JSON body is {"error":{"code":"INVALID_ARGUMENT","field":"name","message":"...",
// "detail":"<renstrad's message>"}}. Pure functions, thread-safe.
#ifndef RENSTRA_CLIENTS_WEB_WEB_ERRORS_H_
#define RENSTRA_CLIENTS_WEB_WEB_ERRORS_H_

#include <grpcpp/grpcpp.h>

#include <string>

namespace renstra::web {

struct WebError {
  int http_status = 500;
  std::string code;     // the gRPC code's name, e.g. "INVALID_ARGUMENT"
  std::string field;    // the field the server named; empty if none
  std::string message;  // for people, in Bahasa Indonesia
  std::string detail;   // renstrad's message as it was

  // The JSON body above.
  std::string Json() const;
};

// The error of a refused or failed gRPC call.
WebError ToWebError(const grpc::Status& status);

// A request body the gateway could not read as the API's JSON (protobuf's JSON mapping
// refused it with `reason`).
WebError BadJson(const std::string& reason);

}  // namespace renstra::web

#endif  // RENSTRA_CLIENTS_WEB_WEB_ERRORS_H_
