// Helpers of the service tests that run the revision workflow over gRPC: change
// builders, reading a target from a Plan, and the refused calls recorded on
// "audit/denied". The server and the cast of users are tests/testing's
// (seeded_server.h, test_users.h).
//
// Thread safety: the free functions are safe from any thread.
#ifndef RENSTRA_TESTS_SERVICES_WORKFLOW_FIXTURE_H_
#define RENSTRA_TESTS_SERVICES_WORKFLOW_FIXTURE_H_

#include <string>
#include <string_view>
#include <vector>

#include "renstra/v1/plan.pb.h"
#include "renstra/v1/realization_service.pb.h"
#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow.pb.h"
#include "renstra/v1/workflow_service.pb.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/test_users.h"

namespace renstra::testing {

// "1.06.04.2.01.0001#1" (Rehabilitasi Sosial) counts Orang; its 2025 target in the seed
// is "210 Orang".
inline constexpr char kRehabIndicator[] = "1.06.04.2.01.0001#1";
inline constexpr int kYear = 2025;
inline constexpr char kSeedTarget[] = "210 Orang";

// A SetTarget change; `value` as written, e.g. "220 Orang".
v1::Change SetTarget(const std::string& indicator, int year, const std::string& value);

// A proposal (justification "Jumlah PPKS meningkat") of `value` as the kYear target
// of kRehabIndicator, submitted too when `submit`.
v1::ProposeRequest TargetProposal(const std::string& request_id, const std::string& value,
                                  bool submit = false);

// An achievement of `units` Orang on kRehabIndicator in kYear, evidence "BA-2025".
v1::RecordAchievementRequest RehabAchievement(const std::string& request_id, int64_t units = 150);

// The display form of an indicator's target in `plan` ("" if there is none).
std::string TargetIn(const v1::Plan& plan, const std::string& indicator, int year);

// Every AccessDenied event on "audit/denied", in order.
std::vector<v1::AccessDenied> DeniedCalls(SeededServer& server);

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_SERVICES_WORKFLOW_FIXTURE_H_
