// TempDir: a fresh directory under the gtest temp dir (TEST_TMPDIR / $TMPDIR / /tmp),
// removed with everything in it when the object goes away.
//
// Ownership: the object owns the directory. Errors: a directory that cannot be made is
// a test failure (ADD_FAILURE) and path() is then empty. Thread safety: none needed;
// each test makes its own.
#ifndef RENSTRA_TESTS_TESTING_TEMP_DIR_H_
#define RENSTRA_TESTS_TESTING_TEMP_DIR_H_

#include <string>
#include <string_view>

namespace renstra::testing {

class TempDir {
 public:
  // `prefix` names the directory (prefix.XXXXXX) so a leftover one says who made it.
  explicit TempDir(std::string_view prefix = "renstra_test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // A path inside the directory (not created), e.g. for a database or a file.
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }
  std::string operator/(const std::string& name) const { return Sub(name); }

 private:
  std::string path_;
};

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_TESTING_TEMP_DIR_H_
