// Deadline arithmetic that never overflows.
#pragma once

#include <chrono>

namespace coop::detail {

using steady_time = std::chrono::steady_clock::time_point;
inline constexpr steady_time no_deadline = steady_time::max();

// now + d, saturating at no_deadline (so duration::max() means "no timeout"),
// rounded up so a wait never ends before `d` has elapsed.
template <class Rep, class Period>
steady_time deadline_after(const std::chrono::duration<Rep, Period>& d) {
  const auto now = std::chrono::steady_clock::now();
  if (d <= d.zero()) return now;
  // Compare in floating point: mixed-unit comparisons of huge durations overflow.
  const std::chrono::duration<double> requested = d;
  const std::chrono::duration<double> room = no_deadline - now;
  if (requested >= room) return no_deadline;
  return now + std::chrono::ceil<std::chrono::steady_clock::duration>(d);
}

// Converts any clock's time point to a steady_clock deadline (for clocks other than
// steady_clock, through the current offset between the two clocks).
template <class Clock, class Duration>
steady_time to_steady(const std::chrono::time_point<Clock, Duration>& tp) {
  if constexpr (std::is_same_v<Clock, std::chrono::steady_clock>) {
    if (tp == std::chrono::time_point<Clock, Duration>::max()) return no_deadline;
    return std::chrono::time_point_cast<std::chrono::steady_clock::duration>(tp);
  } else {
    return deadline_after(tp - Clock::now());
  }
}

}  // namespace coop::detail
