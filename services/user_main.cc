// renstra-user: makes one entry of renstrad's users file (--users=FILE).
//
//   renstra-user [--token_stdin] [--password_stdin] [--display_name=TEXT] NAME:ROLE[:DIVISION]
//       >> users.textproto
//
// Prints the entry (name, role, division, a fresh random salt and the salted SHA-256 of
// the token) on stdout in the file's protobuf text format. The token is either read
// from the first line of stdin (--token_stdin) or generated and printed once, on
// stderr; it is stored nowhere, so hand it to the user then.
//
// Exit status: 0 on success; 2 for a bad argument or token, with the reason on stderr.
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "services/password_hash.h"
#include "services/user_tool.h"

ABSL_FLAG(bool, token_stdin, false,
          "Read the token from the first line of stdin instead of generating one");
ABSL_FLAG(bool, password_stdin, false,
          "Read a login password from the next line of stdin; the entry gets its Argon2id hash");
ABSL_FLAG(std::string, display_name, "", "Full name and title of the user (optional)");

namespace {

constexpr int kExitUsage = 2;

int Fail(const std::string& message) {
  std::cerr << "renstra-user: " << message << std::endl;
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Makes an entry of renstrad's users file.\n"
      "Usage: renstra-user [--token_stdin] [--display_name=TEXT] NAME:ROLE[:DIVISION]\n"
      "ROLE: KEPALA_BIDANG (needs a DIVISION), SEKRETARIAT, KEPALA_DINAS, INSPEKTORAT, ADMIN.\n"
      "DIVISION: rehab, linjamsos, dayasos, dayamas, sekretariat (or the full enum name).");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2) return Fail("give exactly one NAME:ROLE[:DIVISION] (see --help)");
  absl::StatusOr<renstra::UserSpec> spec = renstra::ParseUserSpec(args[1]);
  if (!spec.ok()) return Fail(std::string(spec.status().message()));
  if (absl::Status s = renstra::CheckDisplayName(absl::GetFlag(FLAGS_display_name)); !s.ok()) {
    return Fail(std::string(s.message()));
  }

  std::string token;
  if (absl::GetFlag(FLAGS_token_stdin)) {
    if (!std::getline(std::cin, token)) return Fail("--token_stdin: stdin is empty");
    if (!token.empty() && token.back() == '\r') token.pop_back();
  } else {
    absl::StatusOr<std::string> generated = renstra::GenerateToken();
    if (!generated.ok()) return Fail(std::string(generated.status().message()));
    token = *std::move(generated);
  }
  if (absl::Status s = renstra::CheckToken(token); !s.ok()) return Fail(std::string(s.message()));

  std::string entry = renstra::FormatUserEntry(*spec, absl::GetFlag(FLAGS_display_name), token);
  if (absl::GetFlag(FLAGS_password_stdin)) {
    std::string password;
    if (!std::getline(std::cin, password)) return Fail("--password_stdin: no password line");
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (absl::Status s = renstra::CheckNewPassword("password", spec->name, password); !s.ok()) {
      return Fail(std::string(s.message()));
    }
    absl::StatusOr<std::string> hash = renstra::HashPassword(password);
    if (!hash.ok()) return Fail(std::string(hash.status().message()));
    const size_t close = entry.rfind('}');
    entry.insert(close, "  password_argon2id: \"" + *hash + "\"\n");
  }
  std::cout << entry;
  std::cout.flush();
  if (!absl::GetFlag(FLAGS_token_stdin)) {
    std::cerr << "renstra-user: the token of " << spec->name
              << " (shown only now; it is not stored anywhere):\n"
              << token << std::endl;
  }
  return std::cout ? 0 : kExitUsage;
}
