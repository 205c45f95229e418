// process_worker: fork/exec, process groups, pidfd waits, SIGTERM -> grace -> SIGKILL.
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "coop/process.hpp"

namespace coop {

namespace {

[[noreturn]] void throw_errno(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

void close_fd(int& fd) noexcept {
  if (fd >= 0) {
    ::close(fd);
    fd = -1;
  }
}

int open_pidfd(pid_t pid) noexcept {
#if defined(SYS_pidfd_open)
  // pidfds are always close-on-exec. ENOSYS on kernels before 5.3: fall back to waitid.
  return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
  (void)pid;
  return -1;
#endif
}

// In the child, before running anything: a signal mask or SIGTERM handler inherited from
// the parent must not make terminate()'s SIGTERM ineffective.
void reset_signals_in_child(bool for_exec) noexcept {
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGHUP, SIG_DFL);
  if (for_exec) ::signal(SIGPIPE, SIG_DFL);  // an ignored SIGPIPE would survive exec
}

void set_nonblocking(int fd) noexcept { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

pid_t waitpid_retrying(pid_t pid, int* status, int options) noexcept {
  pid_t r;
  do {
    r = ::waitpid(pid, status, options);
  } while (r < 0 && errno == EINTR);
  return r;
}

}  // namespace

process_worker::~process_worker() {
  if (running()) terminate(std::chrono::milliseconds(0));
  close_fds();
}

process_worker::process_worker(process_worker&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      pidfd_(std::exchange(other.pidfd_, -1)),
      output_fd_(std::exchange(other.output_fd_, -1)),
      reaped_(std::exchange(other.reaped_, false)),
      result_(std::move(other.result_)) {}

process_worker& process_worker::operator=(process_worker&& other) noexcept {
  if (this != &other) {
    if (running()) terminate(std::chrono::milliseconds(0));
    close_fds();
    pid_ = std::exchange(other.pid_, -1);
    pidfd_ = std::exchange(other.pidfd_, -1);
    output_fd_ = std::exchange(other.output_fd_, -1);
    reaped_ = std::exchange(other.reaped_, false);
    result_ = std::move(other.result_);
  }
  return *this;
}

process_worker process_worker::spawn_raw(child_main main, void* context) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw_errno("coop::process_worker: pipe2");
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(out[0]);
    ::close(out[1]);
    errno = error;
    throw_errno("coop::process_worker: fork");
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    reset_signals_in_child(false);
    ::close(out[0]);
    ::_exit(main(context, out[1]));
  }
  // Both sides set the group, so it exists whichever runs first.
  ::setpgid(pid, pid);
  ::close(out[1]);
  set_nonblocking(out[0]);
  process_worker worker;
  worker.pid_ = pid;
  worker.output_fd_ = out[0];
  worker.pidfd_ = open_pidfd(pid);
  return worker;
}

process_worker process_worker::spawn_command(const std::vector<std::string>& argv, const process_options& options) {
  if (argv.empty()) throw std::system_error(EINVAL, std::generic_category(), "coop::process_worker: empty argv");
  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  int out[2] = {-1, -1};
  int err[2];
  if (::pipe2(err, O_CLOEXEC) != 0) throw_errno("coop::process_worker: pipe2");
  if (options.capture_stdout && ::pipe2(out, O_CLOEXEC) != 0) {
    const int error = errno;
    ::close(err[0]);
    ::close(err[1]);
    errno = error;
    throw_errno("coop::process_worker: pipe2");
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    for (int fd : {err[0], err[1], out[0], out[1]})
      if (fd >= 0) ::close(fd);
    errno = error;
    throw_errno("coop::process_worker: fork");
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    reset_signals_in_child(true);
    if (out[1] >= 0) {
      if (out[1] == STDOUT_FILENO) {
        ::fcntl(out[1], F_SETFD, 0);  // dup2 onto itself would keep FD_CLOEXEC
      } else {
        ::dup2(out[1], STDOUT_FILENO);
      }
    }
    ::execvp(args[0], args.data());
    const int error = errno;
    [[maybe_unused]] ssize_t r = ::write(err[1], &error, sizeof error);
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // EACCES once the child has exec'd: it set the group itself before
  ::close(err[1]);
  if (out[1] >= 0) ::close(out[1]);

  // The error pipe closes on a successful exec (O_CLOEXEC) or carries exec's errno.
  int exec_error = 0;
  ssize_t n;
  do {
    n = ::read(err[0], &exec_error, sizeof exec_error);
  } while (n < 0 && errno == EINTR);
  ::close(err[0]);
  if (n == static_cast<ssize_t>(sizeof exec_error)) {
    int status;
    waitpid_retrying(pid, &status, 0);
    if (out[0] >= 0) ::close(out[0]);
    throw std::system_error(exec_error, std::generic_category(), "coop::process_worker: exec " + argv[0]);
  }

  process_worker worker;
  worker.pid_ = pid;
  if (out[0] >= 0) {
    set_nonblocking(out[0]);
    worker.output_fd_ = out[0];
  }
  worker.pidfd_ = open_pidfd(pid);
  return worker;
}

void process_worker::write_result(int fd, const void* data, std::size_t size) noexcept {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += n;
    size -= static_cast<std::size_t>(n);
  }
}

bool process_worker::exited_unreaped() noexcept {
  siginfo_t info{};
  // WNOWAIT: look, but leave the zombie, so its pid (and group id) cannot be reused
  // before we have sent the final SIGKILL to the group.
  if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) < 0) return errno == ECHILD;
  return info.si_pid != 0;
}

void process_worker::drain_output() noexcept {
  char buf[4096];
  while (output_fd_ >= 0) {
    const ssize_t n = ::read(output_fd_, buf, sizeof buf);
    if (n > 0) {
      try {
        result_.output.append(buf, static_cast<std::size_t>(n));
      } catch (...) {
        close_fd(output_fd_);  // out of memory: stop collecting
      }
      continue;
    }
    if (n == 0) close_fd(output_fd_);  // EOF: every writer is gone
    if (n < 0 && errno == EINTR) continue;
    return;  // EAGAIN: nothing more for now
  }
}

void process_worker::reap() noexcept {
  int status = 0;
  const pid_t r = waitpid_retrying(pid_, &status, 0);
  if (r == pid_) {
    if (WIFEXITED(status)) {
      result_.exited = true;
      result_.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
      result_.term_signal = WTERMSIG(status);
    }
  }
  // r < 0 (ECHILD): someone else reaped it (a SIGCHLD handler); the status is lost.
  reaped_ = true;
  close_fd(pidfd_);
}

void process_worker::signal_group(int sig) noexcept {
  // The leader is not reaped yet, so its pid and group id cannot have been reused.
  if (::kill(-pid_, sig) != 0) ::kill(pid_, sig);  // the child may have left its group
}

void process_worker::close_fds() noexcept {
  close_fd(pidfd_);
  close_fd(output_fd_);
}

wait_status process_worker::wait_until(poll_fn poll, const void* token, detail::steady_time deadline, bool reap_child) {
  if (!running()) return wait_status::ready;
  // Without a pidfd nothing wakes us on exit: look every slice (1 ms, growing to 50 ms).
  std::chrono::steady_clock::duration slice = std::chrono::milliseconds(1);
  for (;;) {
    pollfd fds[2];
    std::size_t count = 0;
    int exit_index = -1;
    int output_index = -1;
    if (pidfd_ >= 0) {
      exit_index = static_cast<int>(count);
      fds[count++] = pollfd{pidfd_, POLLIN, 0};
    }
    if (output_fd_ >= 0) {
      output_index = static_cast<int>(count);
      fds[count++] = pollfd{output_fd_, POLLIN, 0};
    }
    detail::steady_time until = deadline;
    if (pidfd_ < 0) {
      const auto now = std::chrono::steady_clock::now();
      if (deadline > now && deadline - now > slice) until = now + slice;
      slice = std::min<std::chrono::steady_clock::duration>(slice * 2, std::chrono::milliseconds(50));
    }
    const detail::poll_result r = poll(token, fds, count, until);
    if (r == detail::poll_result::stopped) return wait_status::stop_requested;
    if (r == detail::poll_result::failed) throw_errno("coop::process_worker: poll");
    if (output_index >= 0 && fds[output_index].revents != 0) drain_output();
    const bool exited = exit_index >= 0 ? fds[exit_index].revents != 0 : exited_unreaped();
    if (exited) break;
    if (r == detail::poll_result::timed_out && until == deadline) return wait_status::timeout;
  }
  drain_output();  // the child is gone: whatever it wrote is in the pipe now
  if (reap_child) reap();
  return wait_status::ready;
}

const process_result& process_worker::terminate(std::chrono::milliseconds grace) {
  if (!running()) return result_;
  signal_group(SIGTERM);
  const stop_token never;
  if (grace.count() > 0) wait_until(&poll_thunk<stop_token>, &never, detail::deadline_after(grace), false);
  signal_group(SIGKILL);  // also ends grandchildren left in the group
  reap();
  drain_output();
  close_fds();
  return result_;
}

}  // namespace coop
