// Condition-variable waits that a stop request interrupts.
//
//   coop::wait(cv, lock, token)                 one wait; ready | stop_requested
//   coop::wait(cv, lock, token, pred)           until pred(); ready | stop_requested
//   coop::wait_for(cv, lock, token, dur[, pred])
//   coop::wait_until(cv, lock, token, tp[, pred])
//
// `cv` is a std::condition_variable (with std::unique_lock<std::mutex>) or a
// std::condition_variable_any (with any lock). `token` is a coop::stop_token, or in C++20
// a std::stop_token. The lock is held on entry and on return, as with the std waits.
//
// How the wake-up on stop works and why none is lost: see detail/cv_wait.hpp (and
// docs/library.md). The short version: the stop callback locks the waiter's mutex before
// notifying, so never destroy or hold that mutex across a request_stop in a way that would
// make this impossible (e.g. request_stop() from a thread holding the mutex blocks until
// the waiter releases it).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <type_traits>

#include "detail/cv_wait.hpp"
#include "detail/time.hpp"
#include "detail/token_traits.hpp"
#include "wait_status.hpp"

namespace coop {

namespace detail {
template <class Cv>
inline constexpr bool is_std_cv_v =
    std::is_same_v<Cv, std::condition_variable> || std::is_same_v<Cv, std::condition_variable_any>;
template <class Cv, class Token>
using enable_if_cv_wait_t = std::enable_if_t<is_std_cv_v<Cv> && is_stop_token_v<Token>, int>;
}  // namespace detail

template <class Cv, class Lock, class Token, detail::enable_if_cv_wait_t<Cv, Token> = 0>
wait_status wait(Cv& cv, Lock& lock, const Token& token) {
  return detail::cv_wait(cv, lock, token, detail::block_forever{}, detail::no_predicate{});
}

template <class Cv, class Lock, class Token, class Predicate, detail::enable_if_cv_wait_t<Cv, Token> = 0>
wait_status wait(Cv& cv, Lock& lock, const Token& token, Predicate pred) {
  return detail::cv_wait(cv, lock, token, detail::block_forever{}, pred);
}

template <class Cv, class Lock, class Token, class Clock, class Duration, detail::enable_if_cv_wait_t<Cv, Token> = 0>
wait_status wait_until(Cv& cv, Lock& lock, const Token& token, const std::chrono::time_point<Clock, Duration>& deadline) {
  return detail::cv_wait(cv, lock, token, detail::block_until<Clock, Duration>{deadline}, detail::no_predicate{});
}

template <class Cv, class Lock, class Token, class Clock, class Duration, class Predicate,
          detail::enable_if_cv_wait_t<Cv, Token> = 0>
wait_status wait_until(Cv& cv, Lock& lock, const Token& token, const std::chrono::time_point<Clock, Duration>& deadline,
                       Predicate pred) {
  return detail::cv_wait(cv, lock, token, detail::block_until<Clock, Duration>{deadline}, pred);
}

template <class Cv, class Lock, class Token, class Rep, class Period, detail::enable_if_cv_wait_t<Cv, Token> = 0>
wait_status wait_for(Cv& cv, Lock& lock, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return coop::wait_until(cv, lock, token, detail::deadline_after(timeout));
}

template <class Cv, class Lock, class Token, class Rep, class Period, class Predicate,
          detail::enable_if_cv_wait_t<Cv, Token> = 0>
wait_status wait_for(Cv& cv, Lock& lock, const Token& token, const std::chrono::duration<Rep, Period>& timeout,
                     Predicate pred) {
  return coop::wait_until(cv, lock, token, detail::deadline_after(timeout), std::move(pred));
}

}  // namespace coop
