// Early-return helpers for absl::Status / absl::StatusOr.
//
// Abseil 20220623 (Debian 12) ships no RETURN_IF_ERROR; these are the standard-C++
// equivalents used across the project.
#ifndef RENSTRA_DOMAIN_STATUS_MACROS_H_
#define RENSTRA_DOMAIN_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define RENSTRA_CONCAT_INNER_(a, b) a##b
#define RENSTRA_CONCAT_(a, b) RENSTRA_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function if `expr` is not OK.
#define RETURN_IF_ERROR(expr)                          \
  do {                                                 \
    ::absl::Status renstra_status_ = (expr);           \
    if (!renstra_status_.ok()) return renstra_status_; \
  } while (false)

// `ASSIGN_OR_RETURN(auto x, F());` declares x from an OK StatusOr, else returns its status.
#define ASSIGN_OR_RETURN(lhs, expr) \
  RENSTRA_ASSIGN_OR_RETURN_IMPL_(RENSTRA_CONCAT_(renstra_statusor_, __LINE__), lhs, expr)
#define RENSTRA_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()

#endif  // RENSTRA_DOMAIN_STATUS_MACROS_H_
