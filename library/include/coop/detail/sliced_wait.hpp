// Waiting on primitives that nothing outside them can wake (std::future, sem_t,
// std::counting_semaphore): block in slices, re-checking the token between slices.
// A stop is therefore noticed within one slice: 1 ms at first, growing to 16 ms for
// long waits, which bounds both the wake latency and the cost of an idle waiter
// (at most ~60 wake-ups per second).
#pragma once

#include <algorithm>
#include <chrono>

#include "../wait_status.hpp"
#include "time.hpp"
#include "token_traits.hpp"

namespace coop::detail {

inline constexpr std::chrono::milliseconds first_slice{1};
inline constexpr std::chrono::milliseconds longest_slice{16};

// try_until(steady_time t) blocks until the event or t; returns true when done.
template <class Token, class TryUntil>
wait_status sliced_wait(const Token& token, steady_time deadline, TryUntil&& try_until) {
  std::chrono::steady_clock::duration slice = first_slice;
  for (;;) {
    if (stop_requested(token)) return wait_status::stop_requested;
    const auto now = std::chrono::steady_clock::now();
    const steady_time until = deadline > now && deadline - now > slice ? now + slice : deadline;
    if (try_until(until)) return wait_status::ready;
    if (until == deadline) return stop_requested(token) ? wait_status::stop_requested : wait_status::timeout;
    slice = std::min<std::chrono::steady_clock::duration>(slice * 2, longest_slice);
  }
}

}  // namespace coop::detail
