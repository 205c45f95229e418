// Sleeps that a stop request cuts short.
//
//   coop::sleep_for(token, dur)   -> wait_status::timeout when the full time elapsed,
//   coop::sleep_until(token, tp)     wait_status::stop_requested when stopped first
//                                    (immediately if already stopped).
// "timeout" because a sleep is a wait that only its deadline (or the stop) can end:
// `if (coop::sleep_for(token, 1s) == coop::wait_status::stop_requested) return;`
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "detail/cv_wait.hpp"
#include "detail/time.hpp"
#include "detail/token_traits.hpp"
#include "wait_status.hpp"

namespace coop {

template <class Token, class Clock, class Duration, detail::enable_if_token_t<Token> = 0>
wait_status sleep_until(const Token& token, const std::chrono::time_point<Clock, Duration>& deadline) {
  if (detail::stop_requested(token)) return wait_status::stop_requested;
  // A private mutex/cv pair: nothing but the stop callback ever notifies it.
  std::mutex mutex;
  std::condition_variable cv;
  std::unique_lock<std::mutex> lock(mutex);
  return detail::cv_wait(cv, lock, token, detail::block_until<Clock, Duration>{deadline}, [] { return false; });
}

template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status sleep_for(const Token& token, const std::chrono::duration<Rep, Period>& duration) {
  return coop::sleep_until(token, detail::deadline_after(duration));
}

}  // namespace coop
