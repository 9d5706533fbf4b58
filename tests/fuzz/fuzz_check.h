// FUZZ_CHECK: the invariant check of the fuzz targets. A violated invariant prints what
// failed (file, line, the condition and a detail) and traps, so libFuzzer records the
// input as a crash just as it does for a sanitizer report.
#ifndef RENSTRA_TESTS_FUZZ_FUZZ_CHECK_H_
#define RENSTRA_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace renstra::fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* condition,
                              std::string_view detail) {
  std::fprintf(stderr, "%s:%d: invariant violated: %s\n  %.*s\n", file, line, condition,
               static_cast<int>(detail.size()), detail.data());
  std::fflush(stderr);
  __builtin_trap();
}

}  // namespace renstra::fuzz

// FUZZ_CHECK(cond, detail): `detail` is anything convertible to std::string_view and is
// evaluated only when `cond` is false.
#define FUZZ_CHECK(cond, detail)                                             \
  do {                                                                       \
    if (!(cond)) ::renstra::fuzz::Fail(__FILE__, __LINE__, #cond, (detail)); \
  } while (false)

#endif  // RENSTRA_TESTS_FUZZ_FUZZ_CHECK_H_
