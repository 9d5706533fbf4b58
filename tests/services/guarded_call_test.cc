// The one guarded call (services/call_guard.h, services/rpc_table.h): every RPC of every
// service is declared in the RPC table, an undeclared one is refused, the coarse role
// gate refuses with the same message the domain rules give, and every refusal — the
// admin service's included — is recorded on "audit/denied".
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "renstra/v1/admin_service.grpc.pb.h"
#include "renstra/v1/agency_service.grpc.pb.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "renstra/v1/session_service.grpc.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"
#include "services/call_guard.h"
#include "services/rpc_table.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

// Every service renstrad serves through a CallGuard (health and reflection are not).
std::vector<const google::protobuf::ServiceDescriptor*> GuardedServices() {
  const google::protobuf::DescriptorPool* pool = google::protobuf::DescriptorPool::generated_pool();
  std::vector<const google::protobuf::ServiceDescriptor*> services;
  for (const char* name :
       {v1::PlanService::service_full_name(), v1::LogService::service_full_name(),
        v1::WorkflowService::service_full_name(), v1::RealizationService::service_full_name(),
        v1::AuditService::service_full_name(), v1::AdminService::service_full_name(),
        v1::AgencyService::service_full_name(), v1::SessionService::service_full_name()}) {
    services.push_back(pool->FindServiceByName(name));
  }
  return services;
}

TEST(RpcTableTest, DeclaresEveryMethodOfEveryService) {
  size_t methods = 0;
  for (const google::protobuf::ServiceDescriptor* service : GuardedServices()) {
    ASSERT_NE(service, nullptr);
    for (int i = 0; i < service->method_count(); ++i) {
      const std::string method = FullMethodName(service->full_name(), service->method(i)->name());
      EXPECT_NE(FindRpcRule(method), nullptr) << method << " is not in the RPC table";
      ++methods;
    }
  }
  // And nothing else: a stale entry would hide a renamed RPC.
  EXPECT_EQ(RpcTable().size(), methods);
}

TEST(RpcTableTest, RefusesAnUndeclaredMethod) {
  const Actor admin{"admin", v1::Role::ADMIN, {}};
  const absl::Status refused = CheckRpcAccess("/renstra.v1.PlanService/DropPlan", admin, false);
  EXPECT_EQ(refused.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(refused.message(),
            "rule: /renstra.v1.PlanService/DropPlan is not declared in the RPC table");
  EXPECT_EQ(CheckRpcAccess("/renstra.v1.PlanService/DropPlan", admin, true).message(),
            refused.message());
}

TEST(RpcTableTest, GatesWritesByRoleWithTheDomainsMessage) {
  const Actor iwan{"iwan", v1::Role::INSPEKTORAT, {}};
  const absl::Status propose =
      CheckRpcAccess("/renstra.v1.WorkflowService/Propose", iwan, /*open_mode=*/false);
  EXPECT_EQ(propose.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(propose.message(),
            "rule: only KEPALA_BIDANG or SEKRETARIAT may propose changes; iwan is INSPEKTORAT");
  EXPECT_THAT(CheckRpcAccess("/renstra.v1.WorkflowService/ListProposals", iwan, false), IsOk());
  EXPECT_THAT(CheckRpcAccess("/renstra.v1.AuditService/Follow", iwan, false), IsOk());
  const absl::Status rehash = CheckRpcAccess("/renstra.v1.AuditService/RehashStore", iwan, false);
  EXPECT_EQ(rehash.message(), "rule: only ADMIN may re-hash the store; iwan is INSPEKTORAT");
}

TEST(RpcTableTest, OpenModeImportsAsBeforeAndRefusesTheRest) {
  const Actor anonymous{"anonymous", v1::Role::ROLE_UNSPECIFIED, {}};
  EXPECT_THAT(CheckRpcAccess("/renstra.v1.PlanService/ImportTable", anonymous, true), IsOk());
  const absl::Status lock = CheckRpcAccess("/renstra.v1.WorkflowService/LockPlan", anonymous, true);
  EXPECT_EQ(lock.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(lock.message(),
            "rule: only KEPALA_DINAS may lock the plan; anonymous is ROLE_UNSPECIFIED");
}

TEST(GuardedCallTest, AnAdminRpcRefusedToANonAdminIsRecorded) {
  SeededServerOptions options;
  options.users = TestUsers();
  std::unique_ptr<SeededServer> server = SeededServer::Start(options);
  ASSERT_NE(server, nullptr);
  v1::AdminService::Stub& admin = server->admin();
  v1::ListUsersResponse users;
  const grpc::Status refused =
      admin.ListUsers(ContextAs(TokenOf("rehab")).get(), v1::ListUsersRequest(), &users);
  const std::string message = "rule: only ADMIN may list users; rehab is KEPALA_BIDANG";
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(refused.error_message(), message);

  const std::vector<v1::AccessDenied> denied = DeniedCalls(*server);
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].method(), "/renstra.v1.AdminService/ListUsers");
  EXPECT_EQ(denied[0].principal(), "rehab");
  EXPECT_EQ(denied[0].role(), "KEPALA_BIDANG");
  EXPECT_EQ(denied[0].code(), "PERMISSION_DENIED");
  EXPECT_EQ(denied[0].message(), message);
}

}  // namespace
}  // namespace renstra::testing
