// Child processes for end-to-end tests: run a command to completion capturing its
// output, or keep a daemon (renstrad) running until stopped. Children are killed on
// every path: by the RAII owner, and by the kernel if the test process dies
// (PR_SET_PDEATHSIG).
//
// Thread safety: not thread-safe; use from the test thread.
#ifndef RENSTRA_TESTS_E2E_PROCESS_H_
#define RENSTRA_TESTS_E2E_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace renstra::testing {

struct CommandResult {
  // The exit status, or 128 + signal if the command was killed; -1 if it could not run.
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is a path) with `env` added to the environment, and returns
// when it exits; kills it after `timeout`.
CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {},
                         std::chrono::seconds timeout = std::chrono::seconds(60));

// How a daemon's process runs, besides its arguments.
struct DaemonOptions {
  // RLIMIT_FSIZE of the child in bytes (0: inherited). SIGXFSZ is ignored in the child,
  // so a write past the limit fails with EFBIG, as on a full disk, instead of killing it.
  uint64_t max_file_size = 0;
  // Run as this user and group (-1: as we are); needs root. Supplementary groups are
  // dropped.
  int uid = -1;
  int gid = -1;
};

// A daemon whose first stdout line says it is ready.
class Daemon {
 public:
  // Starts `argv` with stderr appended to `log_path`, and waits up to `timeout` for its
  // first stdout line. Returns nullptr (and sets *error to why, with the log) if it
  // exits or stays silent.
  static std::unique_ptr<Daemon> Start(const std::vector<std::string>& argv,
                                       const std::string& log_path, std::chrono::seconds timeout,
                                       std::string* error, const DaemonOptions& options = {});
  // Starts `argv` like Start() without waiting for it to be ready (see WaitReady()).
  // Returns nullptr (and sets *error) if it cannot be started.
  static std::unique_ptr<Daemon> Spawn(const std::vector<std::string>& argv,
                                       const std::string& log_path, std::string* error,
                                       const DaemonOptions& options = {});
  ~Daemon();  // kills the daemon if still running

  // Waits up to `timeout` for the first stdout line. False (and *error set to why, with
  // the log; the daemon is then stopped) if it exits or stays silent.
  bool WaitReady(std::chrono::milliseconds timeout, std::string* error);

  const std::string& ready_line() const { return ready_line_; }
  pid_t pid() const { return pid_; }

  // SIGTERM, then waits up to `timeout` (SIGKILL after it). Returns the exit status as
  // RunCommand does.
  int Stop(std::chrono::seconds timeout = std::chrono::seconds(15));
  // SIGKILL (kill -9), as a crash or the OOM killer would, and reaps it. Returns the
  // exit status (128 + 9 unless it had already exited).
  int Kill();

 private:
  Daemon() = default;
  // Closes stdout and forgets the pid (after it was reaped).
  void Forget();

  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string log_path_;
  std::string pending_;  // stdout read before the first newline
  std::string ready_line_;
};

// Exit status of a waitpid() status: the code, or 128 + signal.
int ExitCodeOf(int wait_status);

// Whole file as bytes ("" if unreadable).
std::string ReadFile(const std::string& path);

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_E2E_PROCESS_H_
