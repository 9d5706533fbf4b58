// Helpers of the service tests that run the revision workflow over gRPC: the cast of
// users with their tokens, change builders, reading a target from a Plan, and the
// refused calls recorded on "audit/denied".
//
// Thread safety: the free functions are safe from any thread.
#ifndef RENSTRA_TESTS_SERVICES_WORKFLOW_FIXTURE_H_
#define RENSTRA_TESTS_SERVICES_WORKFLOW_FIXTURE_H_

#include <string>
#include <string_view>
#include <vector>

#include "renstra/v1/plan.pb.h"
#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow.pb.h"
#include "tests/services/test_server.h"

namespace renstra::testing {

// "1.06.04.2.01.0001#1" (Rehabilitasi Sosial) counts Orang; its 2025 target in the seed
// is "210 Orang".
inline constexpr char kRehabIndicator[] = "1.06.04.2.01.0001#1";
inline constexpr int kYear = 2025;
inline constexpr char kSeedTarget[] = "210 Orang";

// The cast, each with the token TokenOf(name):
//   kadis        KEPALA_DINAS
//   rehab        KEPALA_BIDANG  REHABILITASI_SOSIAL
//   linjamsos    KEPALA_BIDANG  PERLINDUNGAN_JAMINAN_SOSIAL
//   sekretariat  SEKRETARIAT
//   iwan         INSPEKTORAT
//   admin        ADMIN
//   pensiun      KEPALA_BIDANG  REHABILITASI_SOSIAL, disabled
v1::UsersConfig TestUsers();
std::string TokenOf(std::string_view name);

// A SetTarget change; `value` as written, e.g. "220 Orang".
v1::Change SetTarget(const std::string& indicator, int year, const std::string& value);

// The display form of an indicator's target in `plan` ("" if there is none).
std::string TargetIn(const v1::Plan& plan, const std::string& indicator, int year);

// Every AccessDenied event on "audit/denied", in order.
std::vector<v1::AccessDenied> DeniedCalls(TestServer& server);

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_SERVICES_WORKFLOW_FIXTURE_H_
