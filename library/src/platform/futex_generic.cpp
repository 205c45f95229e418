// Portable fallback: no address-wait primitive, so spin briefly and then give the CPU
// away. Only a thread destroying a callback that is running elsewhere ever gets here.
#include <sched.h>

#include "futex.hpp"

namespace coop::detail::platform {

void futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected) noexcept {
  for (int i = 0; i < 128; ++i) {
    if (word.load(std::memory_order_relaxed) != expected) return;
    cpu_relax();
  }
  ::sched_yield();
}

void futex_wake_all(std::atomic<std::uint32_t>&) noexcept {}

}  // namespace coop::detail::platform
