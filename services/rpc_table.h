// The RPC table: for every method renstrad serves through a CallGuard, who may call it
// at all and whether it writes — the one place a new RPC is declared (as kvrocks
// declares the flags of each command in one table).
//
// The table is the coarse gate CallGuard applies after authentication: a role outside
// an entry's `roles` is refused with the same PERMISSION_DENIED the domain rules give
// ("rule: only <roles> may <action>; <name> is <ROLE>"). The fine-grained rules — own
// division, no self-review, the plan's state — stay in the domain deciders, which also
// keep their role checks so the domain is safe on its own. A method missing from the
// table is refused.
//
// Thread safety: the table is immutable; every function is safe from any thread.
// Errors: CheckRpcAccess returns PERMISSION_DENIED naming the rule, or OK.
#ifndef RENSTRA_SERVICES_RPC_TABLE_H_
#define RENSTRA_SERVICES_RPC_TABLE_H_

#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "domain/actor.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {

struct RpcRule {
  // The full gRPC method name, "/<package>.<Service>/<Rpc>" (see FullMethodName).
  std::string_view method;
  // The roles that may call it; empty = every authenticated caller (and, in open mode,
  // the anonymous one).
  std::vector<v1::Role::Value> roles;
  // What a refused caller may not do, e.g. "lock the plan" (unused when `roles` is empty).
  std::string_view action;
  // Whether a successful call changes state (events, users, backups); reads do not.
  bool writes = false;
  // In open mode (no users file) the caller is anonymous with no role: only an entry
  // marked here skips the role gate there (ImportTable, as before authentication).
  bool open_in_open_mode = false;
  // Callable without credentials (SessionService.Login): Admit lets the caller in as
  // "anonymous" with no role, rate-limited per peer host like a call without valid
  // credentials, and ignores any authorization header.
  bool anonymous = false;
};

// Every entry, grouped by service in the order of the .proto files.
const std::vector<RpcRule>& RpcTable();

// The entry of `method`, or null when it is not declared.
const RpcRule* FindRpcRule(std::string_view method);

// OK when `actor` may call `method` at all (`open_mode`: the server has no users file).
absl::Status CheckRpcAccess(std::string_view method, const Actor& actor, bool open_mode);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_RPC_TABLE_H_
