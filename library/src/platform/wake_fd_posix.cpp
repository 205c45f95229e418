#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <system_error>

#include "wake_fd.hpp"

#if defined(__linux__)
#include <sys/eventfd.h>
#endif

namespace coop::detail::platform {

namespace {

std::atomic<unsigned> generation{0};

void after_fork_in_child() { generation.fetch_add(1, std::memory_order_relaxed); }

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

}  // namespace

unsigned fork_generation() noexcept {
  static const int registered = ::pthread_atfork(nullptr, nullptr, &after_fork_in_child);
  (void)registered;
  return generation.load(std::memory_order_relaxed);
}

wake_fd::wake_fd() {
#if defined(__linux__)
  read_fd_ = write_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (read_fd_ < 0) fail("coop: eventfd");
#else
  int fds[2];
  if (::pipe(fds) != 0) fail("coop: pipe");
  for (int fd : fds) {
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  read_fd_ = fds[0];
  write_fd_ = fds[1];
#endif
}

wake_fd::~wake_fd() {
  ::close(read_fd_);
  if (write_fd_ != read_fd_) ::close(write_fd_);
}

void wake_fd::signal() noexcept {
#if defined(__linux__)
  const std::uint64_t one = 1;
  // EAGAIN only if the counter is saturated, which still leaves it readable.
  [[maybe_unused]] ssize_t r = ::write(write_fd_, &one, sizeof one);
#else
  const char byte = 1;
  [[maybe_unused]] ssize_t r = ::write(write_fd_, &byte, 1);  // a full pipe is readable too
#endif
}

void wake_fd::drain() noexcept {
  char buf[64];
  while (::read(read_fd_, buf, sizeof buf) > 0) {
  }
}

}  // namespace coop::detail::platform
