#include "services/rpc_table.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "domain/strings.h"

namespace renstra {
namespace {

using R = v1::Role;

RpcRule Read(std::string_view method) { return RpcRule{method, {}, "", false, false}; }

RpcRule Write(std::string_view method, const std::vector<v1::Role::Value>& roles,
              std::string_view action) {
  return RpcRule{method, roles, action, true, false};
}

// A read restricted to some roles.
RpcRule RestrictedRead(std::string_view method, const std::vector<v1::Role::Value>& roles,
                       std::string_view action) {
  return RpcRule{method, roles, action, false, false};
}

std::vector<RpcRule> MakeTable() {
  // The roles of the workflow and realization writes: the same sets the domain deciders
  // require (workflow_decider.cc, realization_decider.cc), so the gate refuses exactly
  // the callers the domain would, with the same message.
  const std::vector<v1::Role::Value> kAdmin = {R::ADMIN};
  const std::vector<v1::Role::Value> kDivisions = {R::KEPALA_BIDANG, R::SEKRETARIAT};
  const std::vector<v1::Role::Value> kHead = {R::KEPALA_DINAS};
  RpcRule import = Write("/renstra.v1.PlanService/ImportTable", {R::ADMIN, R::KEPALA_DINAS},
                         "import a plan table");
  import.open_in_open_mode = true;
  RpcRule login = Read("/renstra.v1.SessionService/Login");
  login.anonymous = true;
  return {
      // PlanService (plan_service.proto). ImportTable's dry runs need the role too.
      Read("/renstra.v1.PlanService/GetPlan"),
      Read("/renstra.v1.PlanService/GetSubtree"),
      Read("/renstra.v1.PlanService/Validate"),
      Read("/renstra.v1.PlanService/ExportTable"),
      Read("/renstra.v1.PlanService/ReadCascade"),
      import,
      // LogService (plan_service.proto).
      Read("/renstra.v1.LogService/GetHead"),
      Read("/renstra.v1.LogService/VerifyLog"),
      // WorkflowService (workflow_service.proto): own division, self-review and the
      // proposal's state are the domain's rules.
      Write("/renstra.v1.WorkflowService/Propose", kDivisions, "propose changes"),
      Write("/renstra.v1.WorkflowService/ReviseProposal", kDivisions, "revise proposals"),
      Write("/renstra.v1.WorkflowService/SubmitProposal", kDivisions, "submit proposals"),
      Write("/renstra.v1.WorkflowService/WithdrawProposal", kDivisions, "withdraw proposals"),
      Write("/renstra.v1.WorkflowService/ReviewProposal", kHead, "review proposals"),
      Write("/renstra.v1.WorkflowService/OpenRevision", kHead, "open a revision"),
      Write("/renstra.v1.WorkflowService/RatifyRevision", kHead, "ratify a revision"),
      Write("/renstra.v1.WorkflowService/LockPlan", kHead, "lock the plan"),
      RestrictedRead("/renstra.v1.WorkflowService/PreviewRatification", kHead,
                     "preview a ratification"),
      Read("/renstra.v1.WorkflowService/GetInbox"),
      Read("/renstra.v1.WorkflowService/GetProposal"),
      Read("/renstra.v1.WorkflowService/ListProposals"),
      Read("/renstra.v1.WorkflowService/ListRevisions"),
      Read("/renstra.v1.WorkflowService/GetPlanAtVersion"),
      // RealizationService (realization_service.proto): own division is the domain's rule.
      Write("/renstra.v1.RealizationService/RecordAchievement", kDivisions, "record realizations"),
      Write("/renstra.v1.RealizationService/RecordSpending", kDivisions, "record realizations"),
      Write("/renstra.v1.RealizationService/CorrectRealization", kDivisions,
            "correct realizations"),
      Read("/renstra.v1.RealizationService/GetRealization"),
      Read("/renstra.v1.RealizationService/ListRealizations"),
      Read("/renstra.v1.RealizationService/GetCapaianReport"),
      Read("/renstra.v1.RealizationService/GetAnggaranReport"),
      Read("/renstra.v1.RealizationService/GetEvaluationReport"),
      Read("/renstra.v1.RealizationService/GetEarlyWarnings"),
      Read("/renstra.v1.RealizationService/GetTriwulanReport"),
      // AuditService (audit_service.proto): every authenticated user reads, the
      // Inspektorat above all.
      Read("/renstra.v1.AuditService/GetHistory"),
      Read("/renstra.v1.AuditService/GetPlanAsOf"),
      Read("/renstra.v1.AuditService/DiffVersions"),
      Read("/renstra.v1.AuditService/ReadEvents"),
      Read("/renstra.v1.AuditService/Follow"),
      Read("/renstra.v1.AuditService/GetSignedTreeHead"),
      Read("/renstra.v1.AuditService/GetInclusionProof"),
      Read("/renstra.v1.AuditService/GetConsistencyProof"),
      Read("/renstra.v1.AuditService/GetPublicKey"),
      Write("/renstra.v1.AuditService/RehashStore", kAdmin, "re-hash the store"),
      // AdminService (admin_service.proto): ADMIN only; the last enabled admin is
      // UserAdmin's rule.
      Write("/renstra.v1.AdminService/CreateBackup", kAdmin, "back up the log"),
      RestrictedRead("/renstra.v1.AdminService/ListBackups", kAdmin, "list backups"),
      RestrictedRead("/renstra.v1.AdminService/VerifyBackup", kAdmin, "verify backups"),
      RestrictedRead("/renstra.v1.AdminService/GetMetrics", kAdmin, "read metrics"),
      Write("/renstra.v1.AdminService/AddUser", kAdmin, "add users"),
      Write("/renstra.v1.AdminService/DisableUser", kAdmin, "disable users"),
      Write("/renstra.v1.AdminService/EnableUser", kAdmin, "enable users"),
      Write("/renstra.v1.AdminService/RotateToken", kAdmin, "rotate tokens"),
      RestrictedRead("/renstra.v1.AdminService/ListUsers", kAdmin, "list users"),
      // AgencyService (agency_service.proto): ADMIN manages agencies, everyone reads.
      Write("/renstra.v1.AgencyService/CreateAgency", kAdmin, "manage agencies"),
      Write("/renstra.v1.AgencyService/RenameAgency", kAdmin, "manage agencies"),
      Write("/renstra.v1.AgencyService/RetireAgency", kAdmin, "manage agencies"),
      Write("/renstra.v1.AgencyService/CreateUnit", kAdmin, "manage agencies"),
      Write("/renstra.v1.AgencyService/RenameUnit", kAdmin, "manage agencies"),
      Write("/renstra.v1.AgencyService/RetireUnit", kAdmin, "manage agencies"),
      Write("/renstra.v1.AgencyService/AssignResponsibility", kAdmin, "manage agencies"),
      Read("/renstra.v1.AgencyService/ListAgencies"),
      Read("/renstra.v1.AgencyService/GetAgency"),
      Read("/renstra.v1.AgencyService/ListAgencyPlans"),
      // SessionService (session_service.proto): password login for people.
      login,
      Read("/renstra.v1.SessionService/Logout"),
      Read("/renstra.v1.SessionService/WhoAmI"),
      RpcRule{"/renstra.v1.SessionService/ChangePassword", {}, "", true, false},
      Write("/renstra.v1.SessionService/SetPassword", kAdmin, "set passwords"),
  };
}

}  // namespace

const std::vector<RpcRule>& RpcTable() {
  static const std::vector<RpcRule>* const table = new std::vector<RpcRule>(MakeTable());
  return *table;
}

const RpcRule* FindRpcRule(std::string_view method) {
  static const auto* const index = [] {
    auto* map = new absl::flat_hash_map<std::string_view, const RpcRule*>();
    for (const RpcRule& rule : RpcTable()) map->emplace(rule.method, &rule);
    return map;
  }();
  auto it = index->find(method);
  return it == index->end() ? nullptr : it->second;
}

absl::Status CheckRpcAccess(std::string_view method, const Actor& actor, bool open_mode) {
  const RpcRule* rule = FindRpcRule(method);
  if (rule == nullptr) {
    return absl::PermissionDeniedError(
        absl::StrCat("rule: ", AsAbsl(method), " is not declared in the RPC table"));
  }
  if (rule->roles.empty() || (open_mode && rule->open_in_open_mode)) return absl::OkStatus();
  if (std::find(rule->roles.begin(), rule->roles.end(), actor.role) != rule->roles.end()) {
    return absl::OkStatus();
  }
  // The refusal names the roles as RequireRole does, so it reads like the domain's.
  return absl::PermissionDeniedError(absl::StrCat(
      "rule: only ",
      absl::StrJoin(rule->roles, " or ",
                    [](std::string* out, v1::Role::Value r) {
                      absl::StrAppend(out, v1::Role::Value_Name(r));
                    }),
      " may ", AsAbsl(rule->action), "; ", actor.name, " is ", v1::Role::Value_Name(actor.role)));
}

}  // namespace renstra
