// SessionServiceImpl: the gRPC adapter of SessionService (session_service.proto).
// Login needs no credentials (the RPC table marks it `anonymous`: CallGuard::Admit
// rate-limits it per peer host like any call without valid credentials) and its
// refusals are recorded on "audit/denied" with the attempted name in the message and no
// principal; the other RPCs go through CallGuard::Run.
//
// Ownership: borrows the SessionApp, the UserAdmin and the CallGuard.
// Thread safety: thread-safe.
#ifndef RENSTRA_SERVICES_SESSION_SERVICE_H_
#define RENSTRA_SERVICES_SESSION_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include <string_view>

#include "renstra/v1/session_service.grpc.pb.h"
#include "services/call_guard.h"
#include "services/session_app.h"
#include "services/user_admin.h"

namespace renstra {

class SessionServiceImpl final : public v1::SessionService::Service {
 public:
  SessionServiceImpl(SessionApp* app, UserAdmin* users, CallGuard* guard)
      : app_(app), users_(users), guard_(guard) {}

  grpc::Status Login(grpc::ServerContext* c, const v1::LoginRequest* r, v1::Session* out) override;
  grpc::Status Logout(grpc::ServerContext* c, const v1::LogoutRequest* r,
                      v1::LogoutResponse* out) override;
  grpc::Status WhoAmI(grpc::ServerContext* c, const v1::WhoAmIRequest* r,
                      v1::UserView* out) override;
  grpc::Status ChangePassword(grpc::ServerContext* c, const v1::ChangePasswordRequest* r,
                              v1::UserView* out) override;
  grpc::Status SetPassword(grpc::ServerContext* c, const v1::SetPasswordRequest* r,
                           v1::UserView* out) override;

 private:
  SessionApp* const app_;
  UserAdmin* const users_;
  CallGuard* const guard_;
};

// The token of the call's "authorization: Bearer <token>" header; empty if none.
std::string_view BearerToken(const grpc::ServerContext* context);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_SESSION_SERVICE_H_
