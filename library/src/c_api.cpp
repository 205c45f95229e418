// coop.h: thin C wrappers over the C++ implementation. No logic of its own beyond
// translating types, statuses and exceptions.
#include "coop/coop.h"

#include <cerrno>
#include <chrono>
#include <memory>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "coop/detail/cv_wait.hpp"
#include "coop/detail/token_traits.hpp"
#include "coop/jthread.hpp"
#include "coop/sleep.hpp"
#include "coop/stop_token.hpp"

#if COOP_POSIX
#include <poll.h>

#include "coop/io.hpp"
#include "coop/process.hpp"
#include "coop/semaphore.hpp"
#endif

using coop::detail::borrowed_token;
using coop::detail::stop_state;
using coop::detail::token_access;

struct coop_stop_source {
  coop::stop_source source;
};

struct coop_stop_callback {
  struct call {
    void (*fn)(void*);
    void* arg;
    void operator()() const noexcept { fn(arg); }
  };
  coop_stop_callback(const coop::stop_token& token, call c) : callback(token, c) {}
  coop::stop_callback<call> callback;
};

namespace {

borrowed_token borrow(coop_stop_token t) noexcept { return borrowed_token{static_cast<stop_state*>(t.state_)}; }

int to_code(coop::wait_status s) noexcept {
  switch (s) {
    case coop::wait_status::ready: return COOP_READY;
    case coop::wait_status::stop_requested: return COOP_STOPPED;
    case coop::wait_status::timeout: return COOP_TIMEDOUT;
  }
  return COOP_ERROR;
}

int errno_from_exception() noexcept {
  try {
    throw;
  } catch (const std::system_error& e) {
    return e.code().value();
  } catch (const std::bad_alloc&) {
    return ENOMEM;
  } catch (...) {
    return EINVAL;
  }
}

std::chrono::steady_clock::duration millis(long ms) {
  return ms < 0 ? std::chrono::steady_clock::duration::max() : std::chrono::milliseconds(ms);
}

}  // namespace

#if COOP_POSIX
namespace {
// pthread_cond_t / pthread_mutex_t in the shapes detail::cv_wait expects.
struct pthread_cv {
  pthread_cond_t* cond;
  void notify_all() noexcept { ::pthread_cond_broadcast(cond); }
};
struct pthread_lock {
  pthread_mutex_t* mutex;
  void lock() noexcept { ::pthread_mutex_lock(mutex); }
  void unlock() noexcept { ::pthread_mutex_unlock(mutex); }
  bool try_lock() noexcept { return ::pthread_mutex_trylock(mutex) == 0; }
};
struct pthread_block {
  const timespec* abstime;
  bool operator()(pthread_cv& cv, pthread_lock& lock) const noexcept {
    const int r = abstime != nullptr ? ::pthread_cond_timedwait(cv.cond, lock.mutex, abstime)
                                     : ::pthread_cond_wait(cv.cond, lock.mutex);
    return r != ETIMEDOUT;
  }
};

// abstime (CLOCK_REALTIME) as a steady deadline.
coop::detail::steady_time steady_deadline(const timespec* abstime) {
  if (abstime == nullptr) return coop::detail::no_deadline;
  const auto target = std::chrono::seconds(abstime->tv_sec) + std::chrono::nanoseconds(abstime->tv_nsec);
  return coop::detail::deadline_after(target - std::chrono::system_clock::now().time_since_epoch());
}
}  // namespace
#endif  // COOP_POSIX

extern "C" {

coop_stop_source* coop_stop_source_create(void) {
  try {
    return new coop_stop_source{};
  } catch (...) {
    errno = ENOMEM;
    return nullptr;
  }
}

void coop_stop_source_destroy(coop_stop_source* source) { delete source; }

bool coop_stop_source_request_stop(coop_stop_source* source) {
  return source != nullptr && source->source.request_stop();
}

bool coop_stop_source_request_stop_reason(coop_stop_source* source, unsigned reason) {
  return source != nullptr && source->source.request_stop(static_cast<coop::stop_reason>(reason));
}

coop_stop_token coop_stop_source_token(coop_stop_source* source) {
  return coop_stop_token{source != nullptr ? token_access::state(source->source) : nullptr};
}

bool coop_stop_requested(coop_stop_token token) { return coop::detail::stop_requested(borrow(token)); }

unsigned coop_stop_reason(coop_stop_token token) {
  const stop_state* state = borrow(token).state;
  return state != nullptr ? static_cast<unsigned>(state->reason()) : 0U;
}

coop_stop_callback* coop_stop_callback_create(coop_stop_token token, void (*fn)(void*), void* arg) {
  try {
    return new coop_stop_callback(token_access::make_token(borrow(token).state), coop_stop_callback::call{fn, arg});
  } catch (...) {
    errno = ENOMEM;
    return nullptr;
  }
}

void coop_stop_callback_destroy(coop_stop_callback* callback) { delete callback; }

int coop_sleep_ms(coop_stop_token token, long ms) {
  return to_code(coop::sleep_for(borrow(token), std::chrono::milliseconds(ms < 0 ? 0 : ms)));
}

#if COOP_POSIX

int coop_cond_wait(pthread_cond_t* cond, pthread_mutex_t* mutex, coop_stop_token token, const struct timespec* abstime) {
  if (cond == nullptr || mutex == nullptr) {
    errno = EINVAL;
    return COOP_ERROR;
  }
  pthread_cv cv{cond};
  pthread_lock lock{mutex};
  return to_code(coop::detail::cv_wait(cv, lock, borrow(token), pthread_block{abstime}, coop::detail::no_predicate{}));
}

int coop_sem_wait(sem_t* sem, coop_stop_token token, const struct timespec* abstime) {
  if (coop::detail::sem_wait_until(sem, borrow(token), steady_deadline(abstime)) == 0) return COOP_READY;
  if (errno == ECANCELED) return COOP_STOPPED;
  if (errno == ETIMEDOUT) return COOP_TIMEDOUT;
  return COOP_ERROR;
}

int coop_wait_fd(int fd, short poll_events, coop_stop_token token, int timeout_ms) {
  pollfd p{fd, poll_events, 0};
  const auto deadline = coop::detail::deadline_after(millis(timeout_ms));
  switch (coop::detail::poll_until(&p, 1, borrow(token), deadline)) {
    case coop::detail::poll_result::ready:
      if ((p.revents & POLLNVAL) != 0) {
        errno = EBADF;
        return COOP_ERROR;
      }
      return COOP_READY;
    case coop::detail::poll_result::stopped: return COOP_STOPPED;
    case coop::detail::poll_result::timed_out: return COOP_TIMEDOUT;
    case coop::detail::poll_result::failed: break;
  }
  return COOP_ERROR;
}

#endif  // COOP_POSIX

// ---- threads -------------------------------------------------------------------------------

struct coop_thread {
  // The result lives apart from the handle so that a detached thread never touches a
  // freed coop_thread.
  std::shared_ptr<void*> result = std::make_shared<void*>(nullptr);
  coop::jthread thread;
};

coop_thread* coop_thread_start(void* (*fn)(coop_stop_token, void*), void* arg) {
  if (fn == nullptr) {
    errno = EINVAL;
    return nullptr;
  }
  coop_thread* t = nullptr;
  try {
    t = new coop_thread();
    t->thread = coop::jthread([fn, arg, result = t->result](coop::stop_token token) {
      *result = fn(coop_stop_token{coop::detail::state_of(token)}, arg);
    });
    return t;
  } catch (...) {
    const int error = errno_from_exception();
    delete t;
    errno = error;
    return nullptr;
  }
}

void coop_thread_request_stop(coop_thread* thread) {
  if (thread != nullptr) thread->thread.request_stop();
}

coop_stop_token coop_thread_token(coop_thread* thread) {
  if (thread == nullptr) return coop_stop_token{nullptr};
  return coop_stop_token{token_access::state(thread->thread.get_stop_source())};
}

int coop_thread_join(coop_thread* thread, long timeout_ms, void** result) {
  if (thread == nullptr) {
    errno = EINVAL;
    return COOP_ERROR;
  }
  try {
    if (!thread->thread.try_join_for(millis(timeout_ms))) return COOP_TIMEDOUT;
  } catch (...) {
    errno = errno_from_exception();  // joining itself
    return COOP_ERROR;
  }
  if (result != nullptr) *result = *thread->result;
  delete thread;
  return COOP_READY;
}

void coop_thread_detach(coop_thread* thread) {
  if (thread == nullptr) return;
  if (thread->thread.joinable()) thread->thread.detach();
  delete thread;
}

// ---- processes -------------------------------------------------------------------------------

#if COOP_POSIX

struct coop_process {
  coop::process_worker worker;
};

coop_process* coop_process_spawn(int (*fn)(void* arg, int result_fd), void* arg) {
  if (fn == nullptr) {
    errno = EINVAL;
    return nullptr;
  }
  try {
    auto* p = new coop_process();
    try {
      p->worker = coop::process_worker::spawn_raw(fn, arg);
    } catch (...) {
      delete p;
      throw;
    }
    return p;
  } catch (...) {
    errno = errno_from_exception();
    return nullptr;
  }
}

coop_process* coop_process_spawn_command(const char* const argv[], bool capture_stdout) {
  if (argv == nullptr || argv[0] == nullptr) {
    errno = EINVAL;
    return nullptr;
  }
  try {
    std::vector<std::string> args;
    for (const char* const* a = argv; *a != nullptr; ++a) args.emplace_back(*a);
    coop::process_options options;
    options.capture_stdout = capture_stdout;
    auto* p = new coop_process();
    try {
      p->worker = coop::process_worker::spawn_command(args, options);
    } catch (...) {
      delete p;
      throw;
    }
    return p;
  } catch (...) {
    errno = errno_from_exception();
    return nullptr;
  }
}

long coop_process_pid(const coop_process* process) { return process != nullptr ? process->worker.pid() : -1; }

int coop_process_wait(coop_process* process, coop_stop_token token, int timeout_ms) {
  if (process == nullptr) {
    errno = EINVAL;
    return COOP_ERROR;
  }
  try {
    return to_code(process->worker.wait(borrow(token), millis(timeout_ms)));
  } catch (...) {
    errno = errno_from_exception();
    return COOP_ERROR;
  }
}

int coop_process_terminate(coop_process* process, long grace_ms) {
  if (process == nullptr) {
    errno = EINVAL;
    return COOP_ERROR;
  }
  process->worker.terminate(std::chrono::milliseconds(grace_ms < 0 ? 0 : grace_ms));
  return COOP_READY;
}

int coop_process_status(const coop_process* process, int* exit_code, int* term_signal) {
  if (process == nullptr) {
    errno = EINVAL;
    return COOP_ERROR;
  }
  if (process->worker.running()) {
    errno = EBUSY;
    return COOP_ERROR;
  }
  const coop::process_result& r = process->worker.result();
  if (exit_code != nullptr) *exit_code = r.exited ? r.exit_code : -1;
  if (term_signal != nullptr) *term_signal = r.term_signal;
  return COOP_READY;
}

const void* coop_process_output(const coop_process* process, size_t* size) {
  if (process == nullptr) {
    if (size != nullptr) *size = 0;
    return nullptr;
  }
  const std::string& out = process->worker.result().output;
  if (size != nullptr) *size = out.size();
  return out.data();
}

void coop_process_destroy(coop_process* process) { delete process; }

#endif  // COOP_POSIX

}  // extern "C"
