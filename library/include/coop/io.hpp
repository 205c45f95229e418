// File-descriptor and socket I/O that a stop request interrupts, without signals.
//
// Every call here is poll() on the caller's descriptor plus this thread's wake-up
// descriptor (an eventfd on Linux, a self-pipe elsewhere), which the stop callback writes
// to. All helpers share that one core (detail::poll_until).
//
//   coop::wait_readable(fd, token[, timeout]) -> wait_status   (POLLIN)
//   coop::wait_writable(fd, token[, timeout]) -> wait_status   (POLLOUT)
//   coop::poll(fds, n, token[, timeout])      -> like ::poll: number of ready fds, or -1
//
// Drop-in calls: the POSIX signature with the token (and optionally a timeout) appended,
// the POSIX return value, and -1 with errno = ECANCELED on stop, ETIMEDOUT on timeout.
// A stopped token fails the call at once, before any I/O.
//   recv recvfrom recvmsg send sendto sendmsg  try the operation with MSG_DONTWAIT first
//   read write accept accept4                  wait for readiness, then call the operation
//   connect                                    non-blocking connect + wait (restores O_NONBLOCK)
// On a *blocking* descriptor shared by several threads, read/write/accept can still block
// after poll said ready (another thread took the data); make such descriptors O_NONBLOCK.
// A send on a blocking socket may return a short count (like one interrupted by a signal).
//
// Windows: the same shape for SOCKETs (WSAEventSelect + WaitForMultipleObjects with a stop
// event) and coop::wait_handle(HANDLE, token[, timeout]) for any waitable handle.
#pragma once

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <system_error>
#include <type_traits>

#include "detail/config.hpp"
#include "detail/stop_binding.hpp"
#include "detail/time.hpp"
#include "detail/token_traits.hpp"
#include "wait_status.hpp"

#if COOP_POSIX
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace coop {

namespace detail {

enum class poll_result { ready, stopped, timed_out, failed };

// Borrows this thread's wake-up object for one wait (a fresh one if a wait on this thread
// is already using it). The stop callback calls signal(); the destructor clears a signal
// that arrived, so the next wait on this thread starts clean.
class wake_slot {
 public:
  wake_slot();
  ~wake_slot();
  wake_slot(const wake_slot&) = delete;
  wake_slot& operator=(const wake_slot&) = delete;

  void signal() noexcept;  // any thread

#if COOP_POSIX
  // poll(fds + wake fd); stopped means only the wake-up fired.
  poll_result poll(pollfd* fds, std::size_t count, steady_time deadline) noexcept;
#else
  // WaitForMultipleObjects(handles + stop event); on ready, *index is the handle's index.
  poll_result wait(void* const* handles, std::size_t count, steady_time deadline, std::size_t* index) noexcept;
#endif

  struct signal_fn {
    wake_slot* slot;
    void operator()() const noexcept { slot->signal(); }
  };

 private:
  void* wake_;  // platform::wake_fd / wake_event
  bool owned_;
  std::atomic<bool> signalled_{false};
};

// Runs `block(slot)` with the token bound to the slot's wake-up.
template <class Token, class Block>
poll_result wait_with_wake(const Token& token, Block&& block) {
  if (stop_requested(token)) return poll_result::stopped;
  std::optional<wake_slot> slot;
  try {
    slot.emplace();  // may have to create this thread's descriptor: EMFILE, ENOMEM
  } catch (const std::system_error& e) {
    errno = e.code().value();
    return poll_result::failed;
  } catch (...) {
    errno = ENOMEM;
    return poll_result::failed;
  }
  using token_type = std::remove_cv_t<std::remove_reference_t<Token>>;
  stop_binding<token_type, wake_slot::signal_fn> binding(token, wake_slot::signal_fn{&*slot});
  // Re-check after arming: a coop binding is not armed if the stop came in between.
  if (stop_requested(token)) return poll_result::stopped;
  return block(*slot);
  // binding, then slot, are destroyed here: the callback cannot signal a dead slot.
}

#if COOP_POSIX
template <class Token>
poll_result poll_until(pollfd* fds, std::size_t count, const Token& token, steady_time deadline) {
  return wait_with_wake(token, [&](wake_slot& slot) { return slot.poll(fds, count, deadline); });
}

inline bool retry_errno(int e) noexcept { return e == EAGAIN || e == EWOULDBLOCK || e == EINTR; }

inline void set_errno_for(poll_result r) noexcept {
  if (r == poll_result::stopped) errno = ECANCELED;
  if (r == poll_result::timed_out) errno = ETIMEDOUT;
}

// The loop every drop-in call shares. `op` performs the operation once, without blocking
// when attempt_first is true.
template <class Token, class Op>
auto io_call(int fd, short events, const Token& token, steady_time deadline, bool attempt_first, Op&& op)
    -> decltype(op()) {
  if (stop_requested(token)) {
    errno = ECANCELED;
    return -1;
  }
  if (attempt_first) {
    const auto r = op();
    if (r >= 0 || !retry_errno(errno)) return r;
  }
  for (;;) {
    pollfd p{fd, events, 0};
    const poll_result pr = poll_until(&p, 1, token, deadline);
    if (pr != poll_result::ready) {
      set_errno_for(pr);
      return -1;
    }
    if ((p.revents & POLLNVAL) != 0) {
      errno = EBADF;
      return -1;
    }
    const auto r = op();
    if (r >= 0 || !retry_errno(errno)) return r;
  }
}

template <class Token>
wait_status wait_fd(int fd, short events, const Token& token, steady_time deadline) {
  pollfd p{fd, events, 0};
  switch (poll_until(&p, 1, token, deadline)) {
    case poll_result::ready: return wait_status::ready;
    case poll_result::stopped: return wait_status::stop_requested;
    case poll_result::timed_out: return wait_status::timeout;
    case poll_result::failed: break;
  }
  throw std::system_error(errno, std::generic_category(), "coop: poll");
}

// connect() split around the wait (io_posix.cpp): begin returns 0 (connected), -1 (failed,
// errno set) or 1 (in progress); end maps the wait result / SO_ERROR and restores the flags.
int connect_begin(int fd, const sockaddr* addr, socklen_t len, int* saved_flags) noexcept;
int connect_end(int fd, int saved_flags, poll_result waited) noexcept;

template <class Token>
int connect_until(int fd, const sockaddr* addr, socklen_t len, const Token& token, steady_time deadline) {
  if (stop_requested(token)) {
    errno = ECANCELED;
    return -1;
  }
  int saved_flags = 0;
  const int begun = connect_begin(fd, addr, len, &saved_flags);
  if (begun != 1) return begun;
  pollfd p{fd, POLLOUT, 0};
  return connect_end(fd, saved_flags, poll_until(&p, 1, token, deadline));
}
#endif

}  // namespace detail

#if COOP_POSIX

// ---- readiness -------------------------------------------------------------------------
template <class Token, detail::enable_if_token_t<Token> = 0>
wait_status wait_readable(int fd, const Token& token) {
  return detail::wait_fd(fd, POLLIN, token, detail::no_deadline);
}
template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status wait_readable(int fd, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::wait_fd(fd, POLLIN, token, detail::deadline_after(timeout));
}
template <class Token, detail::enable_if_token_t<Token> = 0>
wait_status wait_writable(int fd, const Token& token) {
  return detail::wait_fd(fd, POLLOUT, token, detail::no_deadline);
}
template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status wait_writable(int fd, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::wait_fd(fd, POLLOUT, token, detail::deadline_after(timeout));
}

// Like ::poll over several descriptors: the number with revents set, or -1 with errno
// ECANCELED / ETIMEDOUT (where ::poll would return 0) or poll's own error.
template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
int poll(pollfd* fds, nfds_t count, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  const detail::poll_result r = detail::poll_until(fds, count, token, detail::deadline_after(timeout));
  if (r != detail::poll_result::ready) {
    detail::set_errno_for(r);
    return -1;
  }
  int ready = 0;
  for (nfds_t i = 0; i < count; ++i) ready += fds[i].revents != 0 ? 1 : 0;
  return ready;
}
template <class Token, detail::enable_if_token_t<Token> = 0>
int poll(pollfd* fds, nfds_t count, const Token& token) {
  return coop::poll(fds, count, token, std::chrono::steady_clock::duration::max());
}

// ---- drop-in calls ------------------------------------------------------------------------
// Each comes as (posix args..., token) and (posix args..., token, timeout).
#define COOP_IO_TIMEOUT_OVERLOADS_ template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>

template <class Token, detail::enable_if_token_t<Token> = 0>
ssize_t recv(int fd, void* buf, std::size_t len, int flags, const Token& token) {
  return detail::io_call(fd, POLLIN, token, detail::no_deadline, true,
                         [&] { return ::recv(fd, buf, len, flags | MSG_DONTWAIT); });
}
COOP_IO_TIMEOUT_OVERLOADS_
ssize_t recv(int fd, void* buf, std::size_t len, int flags, const Token& token,
             const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLIN, token, detail::deadline_after(timeout), true,
                         [&] { return ::recv(fd, buf, len, flags | MSG_DONTWAIT); });
}

template <class Token, detail::enable_if_token_t<Token> = 0>
ssize_t recvfrom(int fd, void* buf, std::size_t len, int flags, sockaddr* addr, socklen_t* addrlen,
                 const Token& token) {
  return detail::io_call(fd, POLLIN, token, detail::no_deadline, true,
                         [&] { return ::recvfrom(fd, buf, len, flags | MSG_DONTWAIT, addr, addrlen); });
}
COOP_IO_TIMEOUT_OVERLOADS_
ssize_t recvfrom(int fd, void* buf, std::size_t len, int flags, sockaddr* addr, socklen_t* addrlen,
                 const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLIN, token, detail::deadline_after(timeout), true,
                         [&] { return ::recvfrom(fd, buf, len, flags | MSG_DONTWAIT, addr, addrlen); });
}

template <class Token, detail::enable_if_token_t<Token> = 0>
ssize_t recvmsg(int fd, msghdr* msg, int flags, const Token& token) {
  return detail::io_call(fd, POLLIN, token, detail::no_deadline, true,
                         [&] { return ::recvmsg(fd, msg, flags | MSG_DONTWAIT); });
}
COOP_IO_TIMEOUT_OVERLOADS_
ssize_t recvmsg(int fd, msghdr* msg, int flags, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLIN, token, detail::deadline_after(timeout), true,
                         [&] { return ::recvmsg(fd, msg, flags | MSG_DONTWAIT); });
}

template <class Token, detail::enable_if_token_t<Token> = 0>
ssize_t send(int fd, const void* buf, std::size_t len, int flags, const Token& token) {
  return detail::io_call(fd, POLLOUT, token, detail::no_deadline, true,
                         [&] { return ::send(fd, buf, len, flags | MSG_DONTWAIT); });
}
COOP_IO_TIMEOUT_OVERLOADS_
ssize_t send(int fd, const void* buf, std::size_t len, int flags, const Token& token,
             const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLOUT, token, detail::deadline_after(timeout), true,
                         [&] { return ::send(fd, buf, len, flags | MSG_DONTWAIT); });
}

template <class Token, detail::enable_if_token_t<Token> = 0>
ssize_t sendto(int fd, const void* buf, std::size_t len, int flags, const sockaddr* addr, socklen_t addrlen,
               const Token& token) {
  return detail::io_call(fd, POLLOUT, token, detail::no_deadline, true,
                         [&] { return ::sendto(fd, buf, len, flags | MSG_DONTWAIT, addr, addrlen); });
}
COOP_IO_TIMEOUT_OVERLOADS_
ssize_t sendto(int fd, const void* buf, std::size_t len, int flags, const sockaddr* addr, socklen_t addrlen,
               const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLOUT, token, detail::deadline_after(timeout), true,
                         [&] { return ::sendto(fd, buf, len, flags | MSG_DONTWAIT, addr, addrlen); });
}

template <class Token, detail::enable_if_token_t<Token> = 0>
ssize_t sendmsg(int fd, const msghdr* msg, int flags, const Token& token) {
  return detail::io_call(fd, POLLOUT, token, detail::no_deadline, true,
                         [&] { return ::sendmsg(fd, msg, flags | MSG_DONTWAIT); });
}
COOP_IO_TIMEOUT_OVERLOADS_
ssize_t sendmsg(int fd, const msghdr* msg, int flags, const Token& token,
                const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLOUT, token, detail::deadline_after(timeout), true,
                         [&] { return ::sendmsg(fd, msg, flags | MSG_DONTWAIT); });
}

template <class Token, detail::enable_if_token_t<Token> = 0>
ssize_t read(int fd, void* buf, std::size_t len, const Token& token) {
  return detail::io_call(fd, POLLIN, token, detail::no_deadline, false, [&] { return ::read(fd, buf, len); });
}
COOP_IO_TIMEOUT_OVERLOADS_
ssize_t read(int fd, void* buf, std::size_t len, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLIN, token, detail::deadline_after(timeout), false,
                         [&] { return ::read(fd, buf, len); });
}

template <class Token, detail::enable_if_token_t<Token> = 0>
ssize_t write(int fd, const void* buf, std::size_t len, const Token& token) {
  return detail::io_call(fd, POLLOUT, token, detail::no_deadline, false, [&] { return ::write(fd, buf, len); });
}
COOP_IO_TIMEOUT_OVERLOADS_
ssize_t write(int fd, const void* buf, std::size_t len, const Token& token,
              const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLOUT, token, detail::deadline_after(timeout), false,
                         [&] { return ::write(fd, buf, len); });
}

template <class Token, detail::enable_if_token_t<Token> = 0>
int accept(int fd, sockaddr* addr, socklen_t* addrlen, const Token& token) {
  return detail::io_call(fd, POLLIN, token, detail::no_deadline, false, [&] { return ::accept(fd, addr, addrlen); });
}
COOP_IO_TIMEOUT_OVERLOADS_
int accept(int fd, sockaddr* addr, socklen_t* addrlen, const Token& token,
           const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLIN, token, detail::deadline_after(timeout), false,
                         [&] { return ::accept(fd, addr, addrlen); });
}

#if COOP_LINUX
template <class Token, detail::enable_if_token_t<Token> = 0>
int accept4(int fd, sockaddr* addr, socklen_t* addrlen, int flags, const Token& token) {
  return detail::io_call(fd, POLLIN, token, detail::no_deadline, false,
                         [&] { return ::accept4(fd, addr, addrlen, flags); });
}
COOP_IO_TIMEOUT_OVERLOADS_
int accept4(int fd, sockaddr* addr, socklen_t* addrlen, int flags, const Token& token,
            const std::chrono::duration<Rep, Period>& timeout) {
  return detail::io_call(fd, POLLIN, token, detail::deadline_after(timeout), false,
                         [&] { return ::accept4(fd, addr, addrlen, flags); });
}
#endif

template <class Token, detail::enable_if_token_t<Token> = 0>
int connect(int fd, const sockaddr* addr, socklen_t addrlen, const Token& token) {
  return detail::connect_until(fd, addr, addrlen, token, detail::no_deadline);
}
COOP_IO_TIMEOUT_OVERLOADS_
int connect(int fd, const sockaddr* addr, socklen_t addrlen, const Token& token,
            const std::chrono::duration<Rep, Period>& timeout) {
  return detail::connect_until(fd, addr, addrlen, token, detail::deadline_after(timeout));
}

#undef COOP_IO_TIMEOUT_OVERLOADS_

#elif COOP_WINDOWS

// SOCKET and HANDLE without <winsock2.h>/<windows.h> in a public header.
using native_socket = std::uintptr_t;
using native_handle = void*;

namespace detail {
// WSAEventSelect the socket onto a fresh event for `network_events` (FD_READ, ...), wait
// for it or the stop, restore blocking mode. io_windows.cpp.
void* socket_event_begin(native_socket s, long network_events) noexcept;
void socket_event_end(native_socket s, void* event) noexcept;
long socket_events_read() noexcept;   // FD_READ | FD_ACCEPT | FD_CLOSE
long socket_events_write() noexcept;  // FD_WRITE | FD_CONNECT | FD_CLOSE
int socket_recv(native_socket s, char* buf, int len, int flags) noexcept;  // WSAEWOULDBLOCK -> errno EAGAIN
int socket_send(native_socket s, const char* buf, int len, int flags) noexcept;
native_socket socket_accept(native_socket s, void* addr, int* addrlen) noexcept;
native_socket invalid_socket() noexcept;

template <class Token>
poll_result wait_handles_until(void* const* handles, std::size_t count, const Token& token, steady_time deadline) {
  std::size_t index = 0;
  return wait_with_wake(token, [&](wake_slot& slot) { return slot.wait(handles, count, deadline, &index); });
}

template <class Token>
wait_status wait_socket(native_socket s, long events, const Token& token, steady_time deadline) {
  void* event = socket_event_begin(s, events);
  if (event == nullptr) throw std::system_error(errno, std::generic_category(), "coop: WSAEventSelect");
  const poll_result r = wait_handles_until(&event, 1, token, deadline);
  socket_event_end(s, event);
  switch (r) {
    case poll_result::ready: return wait_status::ready;
    case poll_result::stopped: return wait_status::stop_requested;
    case poll_result::timed_out: return wait_status::timeout;
    case poll_result::failed: break;
  }
  throw std::system_error(errno, std::generic_category(), "coop: WaitForMultipleObjects");
}

template <class Token, class Op>
auto socket_call(native_socket s, long events, const Token& token, steady_time deadline, Op&& op) -> decltype(op()) {
  using result = decltype(op());
  const result failed = static_cast<result>(-1);
  if (stop_requested(token)) {
    errno = ECANCELED;
    return failed;
  }
  for (;;) {
    switch (wait_socket(s, events, token, deadline)) {
      case wait_status::stop_requested: errno = ECANCELED; return failed;
      case wait_status::timeout: errno = ETIMEDOUT; return failed;
      case wait_status::ready: break;
    }
    const result r = op();
    if (r != failed || errno != EAGAIN) return r;
  }
}
}  // namespace detail

template <class Token, detail::enable_if_token_t<Token> = 0>
wait_status wait_handle(native_handle h, const Token& token) {
  return coop::wait_handle(h, token, std::chrono::steady_clock::duration::max());
}
template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status wait_handle(native_handle h, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  switch (detail::wait_handles_until(&h, 1, token, detail::deadline_after(timeout))) {
    case detail::poll_result::ready: return wait_status::ready;
    case detail::poll_result::stopped: return wait_status::stop_requested;
    case detail::poll_result::timed_out: return wait_status::timeout;
    case detail::poll_result::failed: break;
  }
  throw std::system_error(errno, std::generic_category(), "coop: WaitForMultipleObjects");
}

template <class Token, detail::enable_if_token_t<Token> = 0>
wait_status wait_readable(native_socket s, const Token& token) {
  return detail::wait_socket(s, detail::socket_events_read(), token, detail::no_deadline);
}
template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status wait_readable(native_socket s, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::wait_socket(s, detail::socket_events_read(), token, detail::deadline_after(timeout));
}
template <class Token, detail::enable_if_token_t<Token> = 0>
wait_status wait_writable(native_socket s, const Token& token) {
  return detail::wait_socket(s, detail::socket_events_write(), token, detail::no_deadline);
}
template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status wait_writable(native_socket s, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::wait_socket(s, detail::socket_events_write(), token, detail::deadline_after(timeout));
}

template <class Token, detail::enable_if_token_t<Token> = 0>
int recv(native_socket s, char* buf, int len, int flags, const Token& token) {
  return detail::socket_call(s, detail::socket_events_read(), token, detail::no_deadline,
                             [&] { return detail::socket_recv(s, buf, len, flags); });
}
template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
int recv(native_socket s, char* buf, int len, int flags, const Token& token,
         const std::chrono::duration<Rep, Period>& timeout) {
  return detail::socket_call(s, detail::socket_events_read(), token, detail::deadline_after(timeout),
                             [&] { return detail::socket_recv(s, buf, len, flags); });
}
template <class Token, detail::enable_if_token_t<Token> = 0>
int send(native_socket s, const char* buf, int len, int flags, const Token& token) {
  return detail::socket_call(s, detail::socket_events_write(), token, detail::no_deadline,
                             [&] { return detail::socket_send(s, buf, len, flags); });
}
template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
int send(native_socket s, const char* buf, int len, int flags, const Token& token,
         const std::chrono::duration<Rep, Period>& timeout) {
  return detail::socket_call(s, detail::socket_events_write(), token, detail::deadline_after(timeout),
                             [&] { return detail::socket_send(s, buf, len, flags); });
}
template <class Token, detail::enable_if_token_t<Token> = 0>
native_socket accept(native_socket s, void* addr, int* addrlen, const Token& token) {
  return detail::socket_call(s, detail::socket_events_read(), token, detail::no_deadline,
                             [&] { return detail::socket_accept(s, addr, addrlen); });
}

#endif

}  // namespace coop
