// The poll + wake-fd core behind coop/io.hpp (and process_worker's waits).
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <memory>
#include <new>

#include "coop/io.hpp"
#include "platform/wake_fd.hpp"

namespace coop::detail {

namespace {

// One wake fd per thread, created on the first wait, recreated in a forked child.
struct thread_wake {
  std::unique_ptr<platform::wake_fd> fd;
  unsigned generation = 0;
  bool in_use = false;
};

thread_wake& this_thread_wake() {
  thread_local thread_wake wake;
  return wake;
}

platform::wake_fd* as_fd(void* p) noexcept { return static_cast<platform::wake_fd*>(p); }

// poll() timeout for `deadline`: rounded up, so poll never returns before it.
int poll_timeout(steady_time deadline) noexcept {
  if (deadline == no_deadline) return -1;
  const auto now = std::chrono::steady_clock::now();
  if (deadline <= now) return 0;
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
  return ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
}

}  // namespace

wake_slot::wake_slot() {
  thread_wake& tw = this_thread_wake();
  if (tw.in_use) {  // a wait nested inside a wait on this thread: use a private fd
    wake_ = new platform::wake_fd();
    owned_ = true;
    return;
  }
  const unsigned generation = platform::fork_generation();
  if (tw.fd == nullptr || tw.generation != generation) {
    tw.fd.reset();  // in a forked child: our copy of the parent's descriptor
    tw.fd = std::make_unique<platform::wake_fd>();
    tw.generation = generation;
  }
  tw.in_use = true;
  wake_ = tw.fd.get();
  owned_ = false;
}

wake_slot::~wake_slot() {
  // The binding is gone, so no signal can still be on its way. acquire: pairs with signal().
  if (signalled_.load(std::memory_order_acquire)) as_fd(wake_)->drain();
  if (owned_) {
    delete as_fd(wake_);
  } else {
    this_thread_wake().in_use = false;
  }
}

void wake_slot::signal() noexcept {
  signalled_.store(true, std::memory_order_release);
  as_fd(wake_)->signal();
}

poll_result wake_slot::poll(pollfd* fds, std::size_t count, steady_time deadline) noexcept {
  constexpr std::size_t inline_count = 8;
  pollfd inline_fds[inline_count + 1];
  std::unique_ptr<pollfd[]> heap_fds;
  pollfd* all = inline_fds;
  if (count > inline_count) {
    heap_fds.reset(new (std::nothrow) pollfd[count + 1]);
    if (heap_fds == nullptr) {
      errno = ENOMEM;
      return poll_result::failed;
    }
    all = heap_fds.get();
  }
  for (std::size_t i = 0; i < count; ++i) all[i] = fds[i];
  all[count] = pollfd{as_fd(wake_)->poll_fd(), POLLIN, 0};

  for (;;) {
    const int n = ::poll(all, static_cast<nfds_t>(count + 1), poll_timeout(deadline));
    if (n < 0) {
      if (errno == EINTR) continue;
      return poll_result::failed;
    }
    bool ready = false;
    for (std::size_t i = 0; i < count; ++i) {
      fds[i].revents = all[i].revents;
      ready = ready || all[i].revents != 0;
    }
    if (ready) return poll_result::ready;
    if (all[count].revents != 0) return poll_result::stopped;
    if (n == 0 && poll_timeout(deadline) == 0) return poll_result::timed_out;
  }
}

int connect_begin(int fd, const sockaddr* addr, socklen_t len, int* saved_flags) noexcept {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return -1;
  *saved_flags = flags;
  const bool was_blocking = (flags & O_NONBLOCK) == 0;
  if (was_blocking && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return -1;
  if (::connect(fd, addr, len) == 0) {
    if (was_blocking) ::fcntl(fd, F_SETFL, flags);
    return 0;
  }
  // A non-blocking connect reports EINPROGRESS; EINTR means the same (it continues).
  if (errno == EINPROGRESS || errno == EINTR) return 1;
  const int error = errno;
  if (was_blocking) ::fcntl(fd, F_SETFL, flags);
  errno = error;
  return -1;
}

int connect_end(int fd, int saved_flags, poll_result waited) noexcept {
  int error = 0;
  switch (waited) {
    case poll_result::stopped: error = ECANCELED; break;
    case poll_result::timed_out: error = ETIMEDOUT; break;
    case poll_result::failed: error = errno; break;
    case poll_result::ready: {
      int so_error = 0;
      socklen_t len = sizeof so_error;
      if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len) < 0) {
        error = errno;
      } else {
        error = so_error;
      }
      break;
    }
  }
  if ((saved_flags & O_NONBLOCK) == 0) ::fcntl(fd, F_SETFL, saved_flags);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

}  // namespace coop::detail
