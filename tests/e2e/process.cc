#include "tests/e2e/process.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace renstra::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Builds the child's environment: ours, with `extra` added or replaced.
std::vector<std::string> Environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> out;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    if (extra.count(name) == 0) out.push_back(entry);
  }
  for (const auto& [name, value] : extra) out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// A command line and environment prepared before fork(), so the child allocates nothing
// (other threads may hold allocator locks at the fork).
struct ExecImage {
  ExecImage(std::vector<std::string> a, std::vector<std::string> e)
      : argv(std::move(a)), env(std::move(e)), argp(Pointers(argv)), envp(Pointers(env)) {}
  std::vector<std::string> argv;
  std::vector<std::string> env;
  std::vector<char*> argp;
  std::vector<char*> envp;
};

// In the child: dies with the parent, applies `options`, wires fds, execs. Never
// returns; async-signal-safe calls only.
[[noreturn]] void ExecChild(const ExecImage& image, int stdout_fd, int stderr_fd,
                            const DaemonOptions& options = {}) {
  if (options.max_file_size > 0) {
    signal(SIGXFSZ, SIG_IGN);  // an ignored disposition survives execve()
    const rlimit limit{options.max_file_size, options.max_file_size};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) {
      dprintf(stderr_fd, "setrlimit: %s\n", strerror(errno));
      _exit(127);
    }
  }
  if (options.gid >= 0 || options.uid >= 0) {
    if (setgroups(0, nullptr) != 0 ||
        (options.gid >= 0 && setgid(static_cast<gid_t>(options.gid)) != 0) ||
        (options.uid >= 0 && setuid(static_cast<uid_t>(options.uid)) != 0)) {
      dprintf(stderr_fd, "cannot change user: %s\n", strerror(errno));
      _exit(127);
    }
  }
  // After setuid(), which clears it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  dup2(stdout_fd, STDOUT_FILENO);
  dup2(stderr_fd, STDERR_FILENO);
  const int devnull = open("/dev/null", O_RDONLY);
  if (devnull >= 0) dup2(devnull, STDIN_FILENO);
  execve(image.argp[0], image.argp.data(), image.envp.data());
  dprintf(STDERR_FILENO, "exec %s: %s\n", image.argp[0], strerror(errno));
  _exit(127);
}

// Waits for `pid` up to `deadline`; kills it after. Returns the exit code.
int WaitOrKill(pid_t pid, Clock::time_point deadline) {
  int status = 0;
  while (true) {
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return ExitCodeOf(status);
    if (r < 0 && errno != EINTR) return -1;
    if (Clock::now() >= deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return ExitCodeOf(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace

int ExitCodeOf(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return -1;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env,
                         std::chrono::seconds timeout) {
  CommandResult result;
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return result;
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return result;
  }
  const ExecImage image(argv, Environment(env));
  const pid_t pid = fork();
  if (pid == 0) ExecChild(image, out_pipe[1], err_pipe[1]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  const Clock::time_point deadline = Clock::now() + timeout;
  if (pid < 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return result;
  }
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  while (open_fds > 0 && Clock::now() < deadline) {
    if (poll(fds, 2, 100) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      char buffer[65536];
      const ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (pollfd& p : fds) {
    if (p.fd >= 0) close(p.fd);
  }
  result.exit_code = WaitOrKill(pid, deadline);
  return result;
}

std::unique_ptr<Daemon> Daemon::Start(const std::vector<std::string>& argv,
                                      const std::string& log_path, std::chrono::seconds timeout,
                                      std::string* error, const DaemonOptions& options) {
  std::unique_ptr<Daemon> daemon = Spawn(argv, log_path, error, options);
  if (daemon == nullptr || !daemon->WaitReady(timeout, error)) return nullptr;
  return daemon;
}

std::unique_ptr<Daemon> Daemon::Spawn(const std::vector<std::string>& argv,
                                      const std::string& log_path, std::string* error,
                                      const DaemonOptions& options) {
  std::unique_ptr<Daemon> daemon(new Daemon());
  daemon->log_path_ = log_path;
  int out_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    *error = "pipe2 failed";
    return nullptr;
  }
  const int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    *error = "cannot open " + log_path;
    return nullptr;
  }
  const ExecImage image(argv, Environment({}));
  daemon->pid_ = fork();
  if (daemon->pid_ == 0) ExecChild(image, out_pipe[1], log_fd, options);
  close(out_pipe[1]);
  close(log_fd);
  daemon->stdout_fd_ = out_pipe[0];
  if (daemon->pid_ < 0) {
    *error = "fork failed";
    return nullptr;
  }
  return daemon;
}

bool Daemon::WaitReady(std::chrono::milliseconds timeout, std::string* error) {
  const Clock::time_point deadline = Clock::now() + timeout;
  while (Clock::now() < deadline && stdout_fd_ >= 0) {
    pollfd p{stdout_fd_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buffer[4096];
    const ssize_t n = read(stdout_fd_, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the daemon closed stdout: it exited
    pending_.append(buffer, static_cast<size_t>(n));
    const size_t newline = pending_.find('\n');
    if (newline != std::string::npos) {
      ready_line_ = pending_.substr(0, newline);
      return true;
    }
  }
  const int code = Stop(std::chrono::seconds(5));
  *error = "daemon not ready (exit code " + std::to_string(code) + "); stdout: " + pending_ +
           "\nits log:\n" + ReadFile(log_path_);
  return false;
}

void Daemon::Forget() {
  pid_ = -1;
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdout_fd_ = -1;
}

int Daemon::Stop(std::chrono::seconds timeout) {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  const int code = WaitOrKill(pid_, Clock::now() + timeout);
  Forget();
  return code;
}

int Daemon::Kill() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGKILL);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  Forget();
  return ExitCodeOf(status);
}

Daemon::~Daemon() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

}  // namespace renstra::testing
