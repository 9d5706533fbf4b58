// base/status_macros.h: early-return helpers for absl::Status / absl::StatusOr, used by
// every layer.
//
// Abseil 20220623 (Debian 12) ships no RETURN_IF_ERROR; these are the standard-C++
// equivalents. The names carry the project prefix so that they cannot collide with a
// later Abseil, gRPC or test library that defines its own unprefixed macros.
//
//   RENSTRA_RETURN_IF_ERROR(store.Append(...));
//   RENSTRA_ASSIGN_OR_RETURN(auto state, Replay(events));
//
// Each evaluates its expression exactly once; on error the enclosing function returns
// the status unchanged (code and message), so it must return absl::Status or an
// absl::StatusOr<T>.
#ifndef RENSTRA_BASE_STATUS_MACROS_H_
#define RENSTRA_BASE_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define RENSTRA_CONCAT_INNER_(a, b) a##b
#define RENSTRA_CONCAT_(a, b) RENSTRA_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function if `expr` is not OK.
#define RENSTRA_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::absl::Status renstra_status_ = (expr);           \
    if (!renstra_status_.ok()) return renstra_status_; \
  } while (false)

// `RENSTRA_ASSIGN_OR_RETURN(auto x, F());` declares x from an OK StatusOr, else returns
// its status. Expands to several statements: not for the body of an unbraced `if`.
#define RENSTRA_ASSIGN_OR_RETURN(lhs, expr) \
  RENSTRA_ASSIGN_OR_RETURN_IMPL_(RENSTRA_CONCAT_(renstra_statusor_, __LINE__), lhs, expr)
#define RENSTRA_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()

#endif  // RENSTRA_BASE_STATUS_MACROS_H_
