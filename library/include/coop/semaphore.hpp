// Semaphore acquisition that a stop request interrupts.
//
//   coop::counting_semaphore<N> / coop::binary_semaphore   C++17 semaphores whose
//        acquire(sem, token[, timeout]) is woken at once by a stop (shared cv protocol)
//   coop::acquire(sem, token[, timeout]) -> wait_status
//        for coop's semaphores and, in C++20, std::counting_semaphore / std::binary_semaphore
//        (the std ones cannot be woken from outside: see detail/sliced_wait.hpp)
//   coop::sem_wait(sem_t*, token[, timeout]) -> int   POSIX: 0, or -1 with errno
//        ECANCELED (stopped), ETIMEDOUT, or sem_wait's own errors (sliced as well)
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>

#include "detail/config.hpp"
#include "detail/cv_wait.hpp"
#include "detail/sliced_wait.hpp"
#include "detail/time.hpp"
#include "detail/token_traits.hpp"
#include "wait_status.hpp"

#if COOP_POSIX
#include <semaphore.h>

#include <cerrno>
#endif

namespace coop {

template <std::ptrdiff_t LeastMaxValue = PTRDIFF_MAX>
class counting_semaphore {
  static_assert(LeastMaxValue >= 0);

 public:
  static constexpr std::ptrdiff_t max() noexcept { return LeastMaxValue; }

  explicit counting_semaphore(std::ptrdiff_t desired) : count_(desired) {}
  counting_semaphore(const counting_semaphore&) = delete;
  counting_semaphore& operator=(const counting_semaphore&) = delete;

  void release(std::ptrdiff_t update = 1) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      count_ += update;
    }
    if (update == 1) {
      cv_.notify_one();
    } else {
      cv_.notify_all();
    }
  }

  void acquire() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return count_ > 0; });
    --count_;
  }

  bool try_acquire() noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    if (count_ == 0) return false;
    --count_;
    return true;
  }

  template <class Rep, class Period>
  bool try_acquire_for(const std::chrono::duration<Rep, Period>& timeout) {
    return try_acquire_until(detail::deadline_after(timeout));
  }

  template <class Clock, class Duration>
  bool try_acquire_until(const std::chrono::time_point<Clock, Duration>& deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!cv_.wait_until(lock, deadline, [this] { return count_ > 0; })) return false;
    --count_;
    return true;
  }

  // coop::acquire's implementation.
  template <class Token>
  wait_status acquire_until(const Token& token, detail::steady_time deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    const wait_status st = detail::cv_wait(cv_, lock, token,
                                           detail::block_until<std::chrono::steady_clock, detail::steady_time::duration>{deadline},
                                           [this] { return count_ > 0; });
    if (st == wait_status::ready) --count_;
    return st;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::ptrdiff_t count_;
};

using binary_semaphore = counting_semaphore<1>;

template <std::ptrdiff_t N, class Token, detail::enable_if_token_t<Token> = 0>
wait_status acquire(counting_semaphore<N>& sem, const Token& token) {
  return sem.acquire_until(token, detail::no_deadline);
}

template <std::ptrdiff_t N, class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status acquire(counting_semaphore<N>& sem, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return sem.acquire_until(token, detail::deadline_after(timeout));
}

#if COOP_HAS_STD_SEMAPHORE
template <std::ptrdiff_t N, class Token, detail::enable_if_token_t<Token> = 0>
wait_status acquire(std::counting_semaphore<N>& sem, const Token& token) {
  return detail::sliced_wait(token, detail::no_deadline, [&sem](detail::steady_time t) { return sem.try_acquire_until(t); });
}

template <std::ptrdiff_t N, class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status acquire(std::counting_semaphore<N>& sem, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::sliced_wait(token, detail::deadline_after(timeout),
                             [&sem](detail::steady_time t) { return sem.try_acquire_until(t); });
}
#endif

#if COOP_POSIX
namespace detail {
// One timed sem_wait against the steady clock: 0, or the errno (ETIMEDOUT, EINTR, ...).
int sem_acquire_until(sem_t* sem, steady_time deadline) noexcept;

template <class Token>
int sem_wait_until(sem_t* sem, const Token& token, steady_time deadline) {
  int error = 0;
  const wait_status st = sliced_wait(token, deadline, [&](steady_time t) {
    const int e = sem_acquire_until(sem, t);
    if (e == 0) return true;
    if (e == ETIMEDOUT || e == EINTR) return false;
    error = e;  // EINVAL and friends end the wait
    return true;
  });
  if (st == wait_status::ready && error == 0) return 0;
  errno = st == wait_status::stop_requested ? ECANCELED : st == wait_status::timeout ? ETIMEDOUT : error;
  return -1;
}
}  // namespace detail

template <class Token, detail::enable_if_token_t<Token> = 0>
int sem_wait(sem_t* sem, const Token& token) {
  return detail::sem_wait_until(sem, token, detail::no_deadline);
}

template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
int sem_wait(sem_t* sem, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::sem_wait_until(sem, token, detail::deadline_after(timeout));
}
#endif

}  // namespace coop
