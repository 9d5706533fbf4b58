#include "clients/division_filter.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "domain/division.h"
#include "renstra/v1/session_service.grpc.pb.h"

namespace renstra {
namespace {

// Keeps `node` when it or a descendant is of `division`; prunes its other children.
bool Prune(v1::Division division, v1::Node* node) {
  google::protobuf::RepeatedPtrField<v1::Node> kept;
  for (v1::Node& child : *node->mutable_children()) {
    if (Prune(division, &child)) *kept.Add() = std::move(child);
  }
  *node->mutable_children() = std::move(kept);
  return node->division() == division || node->children_size() > 0;
}

template <typename Row>
void KeepRows(v1::Division division, google::protobuf::RepeatedPtrField<Row>* rows) {
  google::protobuf::RepeatedPtrField<Row> kept;
  for (Row& row : *rows) {
    if (row.node().division() == division) *kept.Add() = std::move(row);
  }
  *rows = std::move(kept);
}

}  // namespace

absl::StatusOr<std::optional<v1::Division>> ResolveDivision(Client& client, const std::string& flag,
                                                            bool whole_plan) {
  if (flag == "semua") return std::nullopt;
  if (!flag.empty() && flag != "saya") {
    absl::StatusOr<v1::Division> d = ParseDivision(flag);
    if (!d.ok() || *d == v1::DIVISION_UNSPECIFIED) {
      return absl::InvalidArgumentError(
          absl::StrCat("renstra: --division \"", flag,
                       "\": bukan bidang (nama bidang, \"saya\" atau \"semua\")"));
    }
    return *d;
  }
  if (flag.empty() && !whole_plan) return std::nullopt;
  v1::UserView me;
  grpc::Status status = client.session()->WhoAmI(client.NewContext().get(), {}, &me);
  // No one to ask about (a server in open mode has no users): no default. Any other
  // failure shows again, with its message, in the request the command makes next.
  if (!status.ok() && flag.empty()) return std::nullopt;
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                        UserMessage(status, client));
  }
  if (flag.empty()) {
    if (me.role() != v1::Role::KEPALA_BIDANG || me.division() == v1::DIVISION_UNSPECIFIED) {
      return std::nullopt;
    }
    return me.division();
  }
  if (me.division() == v1::DIVISION_UNSPECIFIED) {
    return absl::InvalidArgumentError(
        absl::StrCat("renstra: --division saya: ", me.name(), " tidak bertugas pada satu bidang"));
  }
  return me.division();
}

void KeepDivision(v1::Division division, v1::Plan* plan) {
  google::protobuf::RepeatedPtrField<v1::Node> kept;
  for (v1::Node& program : *plan->mutable_programs()) {
    if (Prune(division, &program)) *kept.Add() = std::move(program);
  }
  *plan->mutable_programs() = std::move(kept);
}

void KeepDivision(v1::Division division, v1::CapaianReport* report) {
  KeepRows(division, report->mutable_rows());
}
void KeepDivision(v1::Division division, v1::AnggaranReport* report) {
  KeepRows(division, report->mutable_rows());
}
void KeepDivision(v1::Division division, v1::EvaluationReport* report) {
  KeepRows(division, report->mutable_rows());
}
void KeepDivision(v1::Division division, v1::EarlyWarnings* report) {
  KeepRows(division, report->mutable_warnings());
}
void KeepDivision(v1::Division division, v1::TriwulanReport* report) {
  KeepRows(division, report->mutable_lines());
}

}  // namespace renstra
