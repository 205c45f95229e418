// Windows: the wake-up is an auto-reset event per thread, set by the stop callback;
// waits are WaitForMultipleObjects over the caller's handles plus that event.
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <windows.h>

#include <cerrno>
#include <climits>
#include <memory>
#include <new>

#include "coop/io.hpp"
#include "platform/wake_event.hpp"

namespace coop::detail {

namespace {

struct thread_wake {
  std::unique_ptr<platform::wake_event> event;
  bool in_use = false;
};

thread_wake& this_thread_wake() {
  thread_local thread_wake wake;
  return wake;
}

platform::wake_event* as_event(void* p) noexcept { return static_cast<platform::wake_event*>(p); }

DWORD wait_timeout(steady_time deadline) noexcept {
  if (deadline == no_deadline) return INFINITE;
  const auto now = std::chrono::steady_clock::now();
  if (deadline <= now) return 0;
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
  return ms >= static_cast<long long>(INFINITE) ? INFINITE - 1 : static_cast<DWORD>(ms);
}

int errno_from_wsa(int wsa) noexcept {
  switch (wsa) {
    case WSAEWOULDBLOCK: return EAGAIN;
    case WSAEINTR: return EINTR;
    case WSAECONNRESET: return ECONNRESET;
    case WSAENOTCONN: return ENOTCONN;
    case WSAETIMEDOUT: return ETIMEDOUT;
    case WSAENOTSOCK: return EBADF;
    default: return EIO;
  }
}

}  // namespace

wake_slot::wake_slot() {
  thread_wake& tw = this_thread_wake();
  if (tw.in_use) {
    wake_ = new platform::wake_event();
    owned_ = true;
    return;
  }
  if (tw.event == nullptr) tw.event = std::make_unique<platform::wake_event>();
  tw.in_use = true;
  wake_ = tw.event.get();
  owned_ = false;
}

wake_slot::~wake_slot() {
  if (signalled_.load(std::memory_order_acquire)) as_event(wake_)->drain();
  if (owned_) {
    delete as_event(wake_);
  } else {
    this_thread_wake().in_use = false;
  }
}

void wake_slot::signal() noexcept {
  signalled_.store(true, std::memory_order_release);
  as_event(wake_)->signal();
}

poll_result wake_slot::wait(void* const* handles, std::size_t count, steady_time deadline, std::size_t* index) noexcept {
  if (count + 1 > MAXIMUM_WAIT_OBJECTS) {
    errno = EINVAL;
    return poll_result::failed;
  }
  HANDLE all[MAXIMUM_WAIT_OBJECTS];
  for (std::size_t i = 0; i < count; ++i) all[i] = static_cast<HANDLE>(handles[i]);
  all[count] = static_cast<HANDLE>(as_event(wake_)->handle());
  for (;;) {
    const DWORD r = ::WaitForMultipleObjects(static_cast<DWORD>(count + 1), all, FALSE, wait_timeout(deadline));
    if (r == WAIT_TIMEOUT) {
      if (wait_timeout(deadline) == 0) return poll_result::timed_out;
      continue;
    }
    if (r >= WAIT_OBJECT_0 && r < WAIT_OBJECT_0 + count) {
      *index = r - WAIT_OBJECT_0;
      return poll_result::ready;
    }
    if (r == WAIT_OBJECT_0 + count) return poll_result::stopped;
    if (r >= WAIT_ABANDONED_0 && r < WAIT_ABANDONED_0 + count) {
      *index = r - WAIT_ABANDONED_0;
      return poll_result::ready;
    }
    errno = EIO;
    return poll_result::failed;
  }
}

long socket_events_read() noexcept { return FD_READ | FD_ACCEPT | FD_CLOSE; }
long socket_events_write() noexcept { return FD_WRITE | FD_CONNECT | FD_CLOSE; }

void* socket_event_begin(native_socket s, long network_events) noexcept {
  WSAEVENT event = ::WSACreateEvent();
  if (event == WSA_INVALID_EVENT) {
    errno = ENOMEM;
    return nullptr;
  }
  if (::WSAEventSelect(static_cast<SOCKET>(s), event, network_events) == SOCKET_ERROR) {
    errno = errno_from_wsa(::WSAGetLastError());
    ::WSACloseEvent(event);
    return nullptr;
  }
  return event;
}

void socket_event_end(native_socket s, void* event) noexcept {
  // Cancel the association; WSAEventSelect left the socket non-blocking, put it back.
  ::WSAEventSelect(static_cast<SOCKET>(s), nullptr, 0);
  u_long blocking = 0;
  ::ioctlsocket(static_cast<SOCKET>(s), FIONBIO, &blocking);
  ::WSACloseEvent(static_cast<WSAEVENT>(event));
}

int socket_recv(native_socket s, char* buf, int len, int flags) noexcept {
  const int r = ::recv(static_cast<SOCKET>(s), buf, len, flags);
  if (r == SOCKET_ERROR) errno = errno_from_wsa(::WSAGetLastError());
  return r;
}

int socket_send(native_socket s, const char* buf, int len, int flags) noexcept {
  const int r = ::send(static_cast<SOCKET>(s), buf, len, flags);
  if (r == SOCKET_ERROR) errno = errno_from_wsa(::WSAGetLastError());
  return r;
}

native_socket socket_accept(native_socket s, void* addr, int* addrlen) noexcept {
  const SOCKET r = ::accept(static_cast<SOCKET>(s), static_cast<sockaddr*>(addr), addrlen);
  if (r == INVALID_SOCKET) errno = errno_from_wsa(::WSAGetLastError());
  return static_cast<native_socket>(r);
}

native_socket invalid_socket() noexcept { return static_cast<native_socket>(INVALID_SOCKET); }

}  // namespace coop::detail
