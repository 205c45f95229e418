// The descriptor a stop callback writes to so that a poll() wakes up: an eventfd on
// Linux, a non-blocking self-pipe on other POSIX systems. Both ends are O_CLOEXEC.
#pragma once

namespace coop::detail::platform {

class wake_fd {
 public:
  wake_fd();  // throws std::system_error
  ~wake_fd();
  wake_fd(const wake_fd&) = delete;
  wake_fd& operator=(const wake_fd&) = delete;

  int poll_fd() const noexcept { return read_fd_; }
  void signal() noexcept;  // async-signal-safe; never blocks
  void drain() noexcept;   // consume every pending signal

 private:
  int read_fd_ = -1;
  int write_fd_ = -1;
};

// Incremented in every child created by fork(): per-thread descriptors cached before the
// fork are shared with the parent and must not be reused by the child.
unsigned fork_generation() noexcept;

}  // namespace coop::detail::platform
