// coop::deadline_source: a stop source that stops itself at a time point.
//
//   coop::deadline_source deadline(std::chrono::seconds(5));
//   auto st = coop::wait_for_data(sock, deadline.get_token());   // any coop wait
//   deadline.reason() == coop::stop_reason::deadline  when it was the deadline
//
// Every deadline in the process is served by ONE timer thread (started on first use):
// creating a deadline_source is a map insertion, destroying it (or stopping it early)
// removes the entry. The stop callbacks of an expiring source run on the timer thread, so
// they should be short, like all stop callbacks.
// Combine with parents through linked_stop_source(parent, deadline.get_token()).
#pragma once

#include <chrono>
#include <cstdint>
#include <utility>

#include "detail/time.hpp"
#include "stop_token.hpp"

namespace coop {

namespace detail {
// Returns a handle for cancel_stop, or 0 if `when` has already passed (then the caller
// stops the source itself).
std::uint64_t schedule_stop(steady_time when, const stop_source& source);
void cancel_stop(steady_time when, std::uint64_t handle) noexcept;
// Test hook: the number of timer threads ever started in this process.
unsigned timer_threads_started() noexcept;
}  // namespace detail

class deadline_source {
 public:
  using clock = std::chrono::steady_clock;

  explicit deadline_source(clock::time_point deadline) : deadline_(deadline) { arm(); }
  template <class Clock, class Duration>
  explicit deadline_source(const std::chrono::time_point<Clock, Duration>& deadline)
      : deadline_source(detail::to_steady(deadline)) {}
  template <class Rep, class Period>
  explicit deadline_source(const std::chrono::duration<Rep, Period>& timeout)
      : deadline_source(detail::deadline_after(timeout)) {}

  ~deadline_source() { disarm(); }

  deadline_source(deadline_source&& other) noexcept
      : source_(std::move(other.source_)), deadline_(other.deadline_), handle_(std::exchange(other.handle_, 0)) {}
  deadline_source& operator=(deadline_source&& other) noexcept {
    if (this != &other) {
      disarm();
      source_ = std::move(other.source_);
      deadline_ = other.deadline_;
      handle_ = std::exchange(other.handle_, 0);
    }
    return *this;
  }
  deadline_source(const deadline_source&) = delete;
  deadline_source& operator=(const deadline_source&) = delete;

  [[nodiscard]] stop_token get_token() const noexcept { return source_.get_token(); }
  [[nodiscard]] bool stop_requested() const noexcept { return source_.stop_requested(); }
  [[nodiscard]] stop_reason reason() const noexcept { return source_.reason(); }
  [[nodiscard]] clock::time_point deadline() const noexcept { return deadline_; }
  [[nodiscard]] const stop_source& source() const noexcept { return source_; }

  // Stops now (reason: requested) and drops the timer entry.
  bool request_stop() noexcept {
    const bool first = source_.request_stop();
    disarm();
    return first;
  }

 private:
  void arm() {
    if (deadline_ == clock::time_point::max()) return;  // no deadline: never stops by itself
    handle_ = detail::schedule_stop(deadline_, source_);
    if (handle_ == 0) source_.request_stop(stop_reason::deadline);
  }
  void disarm() noexcept {
    if (handle_ != 0) detail::cancel_stop(deadline_, std::exchange(handle_, 0));
  }

  stop_source source_;
  clock::time_point deadline_;
  std::uint64_t handle_ = 0;
};

}  // namespace coop
