#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "futex.hpp"

namespace coop::detail::platform {

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t), "futex needs a plain word");

void futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected) noexcept {
  // EAGAIN (word changed) and EINTR are both "return and let the caller re-check".
  ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), FUTEX_WAIT_PRIVATE, expected, nullptr,
            nullptr, 0);
}

void futex_wake_all(std::atomic<std::uint32_t>& word) noexcept {
  ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), FUTEX_WAKE_PRIVATE, INT32_MAX, nullptr,
            nullptr, 0);
}

}  // namespace coop::detail::platform
