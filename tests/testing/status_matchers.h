// gMock matchers for statuses, so a failed assertion prints the status it got instead of
// "Value of: s.ok() Actual: false":
//
//   EXPECT_THAT(store.Append(request), IsOk());
//   EXPECT_THAT(Parse(text), StatusIs(absl::StatusCode::kInvalidArgument,
//                                     "row 3: kode is empty"));
//   EXPECT_THAT(result, StatusIs(absl::StatusCode::kAborted, HasSubstr("version")));
//
// IsOk() accepts absl::Status, absl::StatusOr<T>, and any other status-like type with
// ok() that can describe itself (ToString(), or error_code()/error_message() as
// grpc::Status has); this header depends on neither gRPC nor RocksDB.
// StatusIs() accepts absl::Status and absl::StatusOr<T>; the message argument is a
// string (compared exactly) or any string matcher.
//
// Thread safety: matchers are immutable values.
#ifndef RENSTRA_TESTS_TESTING_STATUS_MATCHERS_H_
#define RENSTRA_TESTS_TESTING_STATUS_MATCHERS_H_

#include <gmock/gmock.h>

#include <concepts>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace renstra::testing {
namespace status_internal {

template <typename T>
concept HasStatus = requires(const T& t) {
  t.status();
};
template <typename T>
concept HasToString = requires(const T& t) {
  { t.ToString() } -> std::convertible_to<std::string>;
};
template <typename T>
concept HasCodeAndMessage = requires(const T& t) {
  t.error_code();
  t.error_message();
};

// What a status-like value says about itself, for the failure message.
template <typename T>
std::string Describe(const T& value) {
  if constexpr (HasStatus<T>) {
    return Describe(value.status());
  } else if constexpr (HasToString<T>) {
    return std::string(value.ToString());
  } else if constexpr (HasCodeAndMessage<T>) {
    std::ostringstream out;
    out << "code " << static_cast<int>(value.error_code()) << ": " << value.error_message();
    return out.str();
  } else {
    return value.ok() ? "OK" : "not OK";
  }
}

inline const absl::Status& GetStatus(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

class IsOkMatcher {
 public:
  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    if (value.ok()) return true;
    *listener << "whose status is " << Describe(value);
    return false;
  }
  void DescribeTo(std::ostream* os) const { *os << "is OK"; }
  void DescribeNegationTo(std::ostream* os) const { *os << "is not OK"; }
};

class StatusIsMatcher {
 public:
  StatusIsMatcher(::testing::Matcher<absl::StatusCode> code,
                  ::testing::Matcher<const std::string&> message)
      : code_(std::move(code)), message_(std::move(message)) {}

  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    const absl::Status& status = GetStatus(value);
    *listener << "whose status is " << status;
    const std::string message(status.message());
    return code_.Matches(status.code()) && message_.Matches(message);
  }
  void DescribeTo(std::ostream* os) const {
    *os << "has a status whose code ";
    code_.DescribeTo(os);
    *os << " and whose message ";
    message_.DescribeTo(os);
  }
  void DescribeNegationTo(std::ostream* os) const {
    *os << "has a status whose code ";
    code_.DescribeNegationTo(os);
    *os << " or whose message ";
    message_.DescribeNegationTo(os);
  }

 private:
  ::testing::Matcher<absl::StatusCode> code_;
  ::testing::Matcher<const std::string&> message_;
};

}  // namespace status_internal

// Matches a status (or StatusOr) that is OK; on failure prints the status.
inline ::testing::PolymorphicMatcher<status_internal::IsOkMatcher> IsOk() {
  return ::testing::MakePolymorphicMatcher(status_internal::IsOkMatcher());
}

// Matches an absl::Status or absl::StatusOr<T> whose code matches `code` and whose message
// matches `message` (a string is compared exactly).
template <typename CodeMatcher, typename MessageMatcher>
::testing::PolymorphicMatcher<status_internal::StatusIsMatcher> StatusIs(CodeMatcher code,
                                                                         MessageMatcher message) {
  return ::testing::MakePolymorphicMatcher(
      status_internal::StatusIsMatcher(::testing::MatcherCast<absl::StatusCode>(code),
                                       ::testing::SafeMatcherCast<const std::string&>(message)));
}

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_TESTING_STATUS_MATCHERS_H_
