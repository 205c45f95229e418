#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

#include "futex.hpp"

namespace coop::detail::platform {

void futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected) noexcept {
  ::WaitOnAddress(reinterpret_cast<volatile void*>(&word), &expected, sizeof expected, INFINITE);
}

void futex_wake_all(std::atomic<std::uint32_t>& word) noexcept {
  ::WakeByAddressAll(reinterpret_cast<void*>(&word));
}

}  // namespace coop::detail::platform
