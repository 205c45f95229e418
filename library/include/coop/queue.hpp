// coop::bounded_queue<T>: a blocking multi-producer multi-consumer FIFO of fixed capacity
// whose push and pop give up on a stop request or a timeout, and which can be closed.
//
//   push(v, token[, timeout]) -> bool             false: closed, stopped or timed out (v is dropped)
//   pop(token[, timeout])     -> std::optional<T> empty: closed and drained, stopped or timed out
//   wait_push(v, token[, timeout]) -> queue_status   moves from v only on ok
//   wait_pop(out, token[, timeout]) -> queue_status
//   try_push / try_pop: never block.
//   close(): wakes every waiter; pushes fail from then on, pops drain what is left.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <utility>

#include "detail/cv_wait.hpp"
#include "detail/time.hpp"
#include "detail/token_traits.hpp"
#include "wait_status.hpp"

namespace coop {

enum class queue_status { ok, closed, stop_requested, timeout };

template <class T>
class bounded_queue {
 public:
  explicit bounded_queue(std::size_t capacity) : capacity_(capacity) {
    if (capacity == 0) throw std::invalid_argument("coop::bounded_queue: capacity must be > 0");
  }
  bounded_queue(const bounded_queue&) = delete;
  bounded_queue& operator=(const bounded_queue&) = delete;

  template <class Token, detail::enable_if_token_t<Token> = 0>
  queue_status wait_push(T& value, const Token& token) {
    return push_until(value, token, detail::no_deadline);
  }
  template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
  queue_status wait_push(T& value, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
    return push_until(value, token, detail::deadline_after(timeout));
  }
  template <class Token, detail::enable_if_token_t<Token> = 0>
  queue_status wait_pop(T& out, const Token& token) {
    return pop_until(out, token, detail::no_deadline);
  }
  template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
  queue_status wait_pop(T& out, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
    return pop_until(out, token, detail::deadline_after(timeout));
  }

  template <class Token, detail::enable_if_token_t<Token> = 0>
  bool push(T value, const Token& token) {
    return wait_push(value, token) == queue_status::ok;
  }
  template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
  bool push(T value, const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
    return wait_push(value, token, timeout) == queue_status::ok;
  }
  template <class Token, detail::enable_if_token_t<Token> = 0>
  std::optional<T> pop(const Token& token) {
    return pop_optional(token, detail::no_deadline);
  }
  template <class Token, class Rep, class Period, detail::enable_if_token_t<Token> = 0>
  std::optional<T> pop(const Token& token, const std::chrono::duration<Rep, Period>& timeout) {
    return pop_optional(token, detail::deadline_after(timeout));
  }

  bool try_push(T value) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (closed_ || items_.size() >= capacity_) return false;
    items_.push_back(std::move(value));
    lock.unlock();
    not_empty_.notify_one();
    return true;
  }
  std::optional<T> try_pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (items_.empty()) return std::nullopt;
    std::optional<T> out(std::move(items_.front()));
    items_.pop_front();
    lock.unlock();
    not_full_.notify_one();
    return out;
  }

  void close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  bool closed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return closed_;
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return items_.size();
  }
  std::size_t capacity() const noexcept { return capacity_; }

 private:
  template <class Token>
  queue_status push_until(T& value, const Token& token, detail::steady_time deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    const wait_status st = detail::cv_wait(not_full_, lock, token, until(deadline),
                                           [this] { return closed_ || items_.size() < capacity_; });
    if (st != wait_status::ready) return to_queue_status(st);
    if (closed_) return queue_status::closed;
    items_.push_back(std::move(value));
    lock.unlock();
    not_empty_.notify_one();
    return queue_status::ok;
  }

  template <class Token>
  queue_status pop_until(T& out, const Token& token, detail::steady_time deadline) {
    return pop_with(token, deadline, [&out](T&& item) { out = std::move(item); });
  }

  template <class Token>
  std::optional<T> pop_optional(const Token& token, detail::steady_time deadline) {
    std::optional<T> out;
    pop_with(token, deadline, [&out](T&& item) { out.emplace(std::move(item)); });
    return out;
  }

  template <class Token, class Take>
  queue_status pop_with(const Token& token, detail::steady_time deadline, Take take) {
    std::unique_lock<std::mutex> lock(mutex_);
    const wait_status st = detail::cv_wait(not_empty_, lock, token, until(deadline),
                                           [this] { return closed_ || !items_.empty(); });
    if (st != wait_status::ready) return to_queue_status(st);
    if (items_.empty()) return queue_status::closed;
    take(std::move(items_.front()));
    items_.pop_front();
    lock.unlock();
    not_full_.notify_one();
    return queue_status::ok;
  }

  static detail::block_until<std::chrono::steady_clock, detail::steady_time::duration> until(detail::steady_time t) {
    return {t};
  }

  static queue_status to_queue_status(wait_status st) noexcept {
    return st == wait_status::stop_requested ? queue_status::stop_requested : queue_status::timeout;
  }

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace coop
