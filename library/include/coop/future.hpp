// Waiting for a std::future / std::shared_future with a stop token.
//
//   coop::wait(future, token[, timeout]) -> wait_status
// ready: the result is available (or the future is deferred: get() will run it).
// A future cannot be woken from outside, so the wait is sliced (detail/sliced_wait.hpp):
// a stop is noticed within 16 ms at worst.
#pragma once

#include <chrono>
#include <future>

#include "detail/sliced_wait.hpp"
#include "detail/time.hpp"
#include "detail/token_traits.hpp"
#include "wait_status.hpp"

namespace coop {

namespace detail {
template <class Future, class Token>
wait_status wait_future_until(const Future& future, const Token& token, steady_time deadline) {
  if (!future.valid()) throw std::future_error(std::future_errc::no_state);
  return sliced_wait(token, deadline, [&future](steady_time t) {
    // sliced_wait never passes no_deadline here: every slice is finite.
    return future.wait_until(t) != std::future_status::timeout;
  });
}
}  // namespace detail

template <class T, class Token, detail::enable_if_token_t<Token> = 0>
wait_status wait(const std::future<T>& future, const Token& token) {
  return detail::wait_future_until(future, token, detail::no_deadline);
}
template <class T, class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status wait(const std::future<T>& future, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
  return detail::wait_future_until(future, token, detail::deadline_after(timeout));
}
template <class T, class Token, detail::enable_if_token_t<Token> = 0>
wait_status wait(const std::shared_future<T>& future, const Token& token) {
  return detail::wait_future_until(future, token, detail::no_deadline);
}
template <class T, class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
wait_status wait(const std::shared_future<T>& future, const Token& token,
                 const std::chrono::duration<Rep, Period>& timeout) {
  return detail::wait_future_until(future, token, detail::deadline_after(timeout));
}

}  // namespace coop
