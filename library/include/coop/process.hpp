// coop::process_worker: run a function or a command in a child process that can be
// killed. Killing a *thread* is never safe (it may hold a lock, be half-way through a
// write, own heap memory); killing a *process* is, because it shares no memory with us.
//
//   auto worker = coop::process_worker::spawn([] { return expensive_parse(input); });
//   if (worker.wait(token, 30s) != coop::wait_status::ready) worker.terminate(2s);
//   const coop::process_result& r = worker.result();   // r.output: the returned bytes
//
//   auto tool = coop::process_worker::spawn_command({"convert", "a.png", "b.jpg"});
//
// * The child runs in its own process group; terminate(grace) sends SIGTERM to the group,
//   waits up to `grace` for the child to exit, then sends SIGKILL to the group (which also
//   ends any grandchildren still in it) and reaps the child.
// * The child is always reaped (waitpid); the destructor terminates with no grace if the
//   child is still running. Every descriptor is O_CLOEXEC; no zombie, no leaked fd.
// * A function child is a fork() of this process: it may allocate (glibc resets its
//   allocator locks at fork) but must not rely on locks other threads held at fork time,
//   and must not start threads if the program runs under ThreadSanitizer. Its return
//   value (std::string / std::string_view / std::vector<char> / void) is sent back through
//   a pipe; an exception escaping it exits with code 70 (EX_SOFTWARE).
// * Waits use pidfd + poll on Linux >= 5.3 and fall back to sliced waitid elsewhere; they
//   take a stop token like every coop wait and drain the child's output while waiting.
// POSIX only.
#pragma once

#include "detail/config.hpp"

#if COOP_POSIX

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/time.hpp"
#include "detail/token_traits.hpp"
#include "io.hpp"
#include "wait_status.hpp"

namespace coop {

struct process_result {
  bool exited = false;    // exited normally: exit_code is valid
  int exit_code = -1;
  int term_signal = 0;    // killed by this signal (when !exited)
  std::string output;     // the function's returned bytes, or captured stdout
  [[nodiscard]] bool success() const noexcept { return exited && exit_code == 0; }
};

struct process_options {
  bool capture_stdout = false;  // commands: collect stdout into result().output
};

class process_worker {
 public:
  static constexpr int exception_exit_code = 70;

  process_worker() noexcept = default;
  ~process_worker();
  process_worker(process_worker&& other) noexcept;
  process_worker& operator=(process_worker&& other) noexcept;
  process_worker(const process_worker&) = delete;
  process_worker& operator=(const process_worker&) = delete;

  // Runs fn() in a forked child. Throws std::system_error if the fork fails.
  template <class F>
  static process_worker spawn(F&& fn) {
    using Fn = std::decay_t<F>;
    Fn local(std::forward<F>(fn));
    return spawn_raw(&run_child<Fn>, &local);
  }
  // The low-level form (used by the C API): the child runs main(context, result_fd),
  // writes its result bytes to result_fd, and exits with main's return value.
  using child_main = int (*)(void* context, int result_fd);
  static process_worker spawn_raw(child_main main, void* context);
  // execvp(argv[0], argv) in a child. Throws std::system_error if the fork or the exec fails.
  static process_worker spawn_command(const std::vector<std::string>& argv, const process_options& options = {});

  [[nodiscard]] pid_t pid() const noexcept { return pid_; }
  // True until the child has been reaped.
  [[nodiscard]] bool running() const noexcept { return pid_ > 0 && !reaped_; }

  // Waits for the child to exit (draining its output), then reaps it.
  template <class Token, detail::enable_if_token_t<Token> = 0>
  wait_status wait(const Token& token) {
    return wait_until(&poll_thunk<Token>, &token, detail::no_deadline, true);
  }
  template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
  wait_status wait(const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
    return wait_until(&poll_thunk<Token>, &token, detail::deadline_after(timeout), true);
  }
  void wait() { wait(stop_token()); }
  template <class Rep, class Period>
  wait_status wait_for(const std::chrono::duration<Rep, Period>& timeout) {
    return wait(stop_token(), timeout);
  }

  // SIGTERM to the group, up to `grace` for the child to exit, SIGKILL to the group, reap.
  // Returns the result; a no-op (returning it) once the child was reaped.
  const process_result& terminate(std::chrono::milliseconds grace);
  template <class Rep, class Period>
  const process_result& terminate(const std::chrono::duration<Rep, Period>& grace) {
    return terminate(std::chrono::ceil<std::chrono::milliseconds>(grace));
  }

  // Valid once running() is false.
  [[nodiscard]] const process_result& result() const noexcept { return result_; }

 private:
  using poll_fn = detail::poll_result (*)(const void* token, pollfd* fds, std::size_t count,
                                         detail::steady_time deadline);

  static void write_result(int fd, const void* data, std::size_t size) noexcept;

  template <class Fn>
  static int run_child(void* context, int result_fd) {
    try {
      Fn& fn = *static_cast<Fn*>(context);
      if constexpr (std::is_void_v<std::invoke_result_t<Fn&>>) {
        fn();
      } else {
        const auto& out = fn();
        const std::string_view bytes(out.data(), out.size());
        write_result(result_fd, bytes.data(), bytes.size());
      }
      return 0;
    } catch (...) {
      return exception_exit_code;
    }
  }

  template <class Token>
  static detail::poll_result poll_thunk(const void* token, pollfd* fds, std::size_t count, detail::steady_time deadline) {
    return detail::poll_until(fds, count, *static_cast<const Token*>(token), deadline);
  }

  wait_status wait_until(poll_fn poll, const void* token, detail::steady_time deadline, bool reap);
  bool exited_unreaped() noexcept;
  void drain_output() noexcept;
  void reap() noexcept;
  void signal_group(int sig) noexcept;
  void close_fds() noexcept;

  pid_t pid_ = -1;
  int pidfd_ = -1;   // -1 when the kernel has no pidfd_open
  int output_fd_ = -1;
  bool reaped_ = false;
  process_result result_;
};

}  // namespace coop

#endif
