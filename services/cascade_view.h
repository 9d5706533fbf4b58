// ReadCascadeView: the answer of PlanService.ReadCascade — the agency's performance
// cascade (TC.25, T-C.28) read from a document by the domain's ParseCascade, linked and
// checked against each other and the document's T-C.27 program rows by CheckCascade.
// Reads only; touches neither the plan nor the log.
//
// Pure function of its arguments; thread-safe.
// Errors: INVALID_ARGUMENT for content over 16 MiB, for a cell that cannot be read for
// certain (ParseCascade's message, naming table, line, row and column), and when the
// document has neither "Tabel TC.25" nor "Tabel T-C.28".
#ifndef RENSTRA_SERVICES_CASCADE_VIEW_H_
#define RENSTRA_SERVICES_CASCADE_VIEW_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "renstra/v1/plan_service.pb.h"

namespace renstra {

// Reads `request.content()`, or `seed` (named `seed_name` in the answer) when empty.
absl::StatusOr<v1::ReadCascadeResponse> ReadCascadeView(const v1::ReadCascadeRequest& request,
                                                        std::string_view seed,
                                                        std::string_view seed_name);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_CASCADE_VIEW_H_
