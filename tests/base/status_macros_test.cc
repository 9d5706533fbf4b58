#include "base/status_macros.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::StatusIs;

absl::Status Twice(absl::Status first, int* calls) {
  auto step = [&]() {
    ++*calls;
    return first;
  };
  RENSTRA_RETURN_IF_ERROR(step());
  RENSTRA_RETURN_IF_ERROR(absl::OkStatus());
  return absl::InternalError("reached the end");
}

TEST(StatusMacrosTest, ReturnIfErrorReturnsTheErrorUnchangedAndEvaluatesOnce) {
  int calls = 0;
  EXPECT_THAT(Twice(absl::NotFoundError("stream plan not found"), &calls),
              StatusIs(absl::StatusCode::kNotFound, "stream plan not found"));
  EXPECT_EQ(calls, 1);
}

TEST(StatusMacrosTest, ReturnIfErrorContinuesOnOk) {
  int calls = 0;
  EXPECT_THAT(Twice(absl::OkStatus(), &calls),
              StatusIs(absl::StatusCode::kInternal, "reached the end"));
  EXPECT_EQ(calls, 1);
}

absl::StatusOr<std::unique_ptr<int>> MakeInt(absl::StatusOr<int> in) {
  if (!in.ok()) return in.status();
  return std::make_unique<int>(*in);
}

// Two uses in one function (distinct temporaries) and a move-only value.
absl::StatusOr<int> Sum(absl::StatusOr<int> a, absl::StatusOr<int> b) {
  RENSTRA_ASSIGN_OR_RETURN(std::unique_ptr<int> x, MakeInt(std::move(a)));
  RENSTRA_ASSIGN_OR_RETURN(auto y, MakeInt(std::move(b)));
  return *x + *y;
}

TEST(StatusMacrosTest, AssignOrReturnAssignsOkValues) {
  const absl::StatusOr<int> sum = Sum(2, 3);
  ASSERT_THAT(sum, IsOk());
  EXPECT_EQ(*sum, 5);
}

TEST(StatusMacrosTest, AssignOrReturnReturnsTheFirstError) {
  EXPECT_THAT(Sum(absl::InvalidArgumentError("a: not a number"), 3),
              StatusIs(absl::StatusCode::kInvalidArgument, "a: not a number"));
  EXPECT_THAT(Sum(2, absl::AbortedError("version 4, expected 3")),
              StatusIs(absl::StatusCode::kAborted, "version 4, expected 3"));
}

TEST(StatusMacrosTest, AssignOrReturnAssignsToAnExistingVariable) {
  auto parse = [](absl::StatusOr<int> in) -> absl::Status {
    int value = 0;
    RENSTRA_ASSIGN_OR_RETURN(value, std::move(in));
    return value == 7 ? absl::OkStatus() : absl::InternalError("wrong value");
  };
  EXPECT_THAT(parse(7), IsOk());
  EXPECT_THAT(parse(absl::OutOfRangeError("too big")),
              StatusIs(absl::StatusCode::kOutOfRange, "too big"));
}

}  // namespace
}  // namespace renstra
