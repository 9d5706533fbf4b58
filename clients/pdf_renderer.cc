#include "clients/pdf_renderer.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <thread>
#include <vector>

extern char** environ;

namespace renstra {
namespace {

constexpr auto kTimeout = std::chrono::seconds(120);

// Removes the directory when it goes out of scope.
struct TempDirectory {
  std::string path;
  ~TempDirectory() {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

std::string ChromiumProgram() {
  const char* program = std::getenv("RENSTRA_CHROMIUM");
  return program != nullptr && *program != '\0' ? program : "chromium";
}

absl::Status RenderPdf(const std::string& html, const std::string& pdf_path) {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ =
      std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/renstra-pdf-XXXXXX";
  if (mkdtemp(templ.data()) == nullptr) {
    return absl::InternalError("cannot create a temporary directory in " + templ);
  }
  TempDirectory dir{templ};
  const std::string page = dir.path + "/page.html";
  const std::string out = dir.path + "/page.pdf";
  {
    std::ofstream file(page, std::ios::binary);
    file << html;
    if (!file) return absl::InternalError("cannot write " + page);
  }
  const std::string program = ChromiumProgram();
  std::vector<std::string> args = {program,
                                   "--headless",
                                   "--disable-gpu",
                                   "--no-pdf-header-footer",
                                   "--no-first-run",
                                   "--user-data-dir=" + dir.path + "/profile",
                                   "--print-to-pdf=" + out};
  if (geteuid() == 0) args.push_back("--no-sandbox");
  args.push_back("file://" + page);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // Chromium's own chatter (D-Bus, GPU) is not the user's business.
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return absl::FailedPreconditionError(
        "cannot run " + program +
        " to make the PDF (install Debian's chromium package, or set RENSTRA_CHROMIUM)");
  }
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return absl::InternalError("lost track of " + program);
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return absl::DeadlineExceededError(program + " did not finish the PDF within 120 s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::error_code error;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(out, error) ||
      std::filesystem::file_size(out, error) == 0) {
    // posix_spawnp reports a missing program as an exit status of 127 in the child.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
      return absl::FailedPreconditionError(
          "cannot run " + program +
          " to make the PDF (install Debian's chromium package, or set RENSTRA_CHROMIUM)");
    }
    return absl::InternalError(program + " failed to make the PDF (exit status " +
                               std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
  }
  std::filesystem::copy_file(out, pdf_path, std::filesystem::copy_options::overwrite_existing,
                             error);
  if (error) return absl::InternalError("cannot write " + pdf_path + ": " + error.message());
  return absl::OkStatus();
}

}  // namespace renstra
