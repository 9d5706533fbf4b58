// Division filter of `plan show` and the reports (`--division`): a Kepala Bidang reads
// their own division's nodes across programs without reading the whole plan.
//
// The flag: a division (enum name or Indonesian name, "Rehabilitasi Sosial"), "saya"
// (the caller's own division), or "semua" (everything). Left out: a Kepala Bidang's
// whole-plan views (no --code) show their own division; everyone else, and any view of
// one --code subtree, shows everything. The filter is the client's: the server answers
// the whole plan or report and the CLI keeps the division's rows, so every output format
// shows the same rows.
#ifndef RENSTRA_CLIENTS_DIVISION_FILTER_H_
#define RENSTRA_CLIENTS_DIVISION_FILTER_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "clients/client.h"
#include "renstra/v1/plan.pb.h"
#include "renstra/v1/realization_service.pb.h"

namespace renstra {

// The division to keep, or std::nullopt for everything. `whole_plan`: the view is not
// limited by --code (only then does a Kepala Bidang's default apply). Asks the server
// who the caller is (SessionService.WhoAmI) when the flag is empty or "saya"; when that
// cannot be answered (open mode: no users), an empty flag means everything.
// INVALID_ARGUMENT naming --division for an unknown division, or "saya" for a caller
// with none; the RPC's error otherwise. Messages are whole lines for people
// ("renstra: ...").
absl::StatusOr<std::optional<v1::Division>> ResolveDivision(Client& client, const std::string& flag,
                                                            bool whole_plan);

// Keeps the programs, kegiatan and sub kegiatan of `division`, with the ancestors of
// any kept node (so a sub kegiatan still stands under its kegiatan and program).
void KeepDivision(v1::Division division, v1::Plan* plan);

// Keeps the rows (lines, items) whose node is of `division`.
void KeepDivision(v1::Division division, v1::CapaianReport* report);
void KeepDivision(v1::Division division, v1::AnggaranReport* report);
void KeepDivision(v1::Division division, v1::EvaluationReport* report);
void KeepDivision(v1::Division division, v1::EarlyWarnings* report);
void KeepDivision(v1::Division division, v1::TriwulanReport* report);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_DIVISION_FILTER_H_
