// Waiting on a 32-bit word: the only blocking primitive the stop state needs.
// Linux: futex. Windows: WaitOnAddress. Other POSIX: spin, then yield.
#pragma once

#include <atomic>
#include <cstdint>

namespace coop::detail::platform {

// Blocks while `word == expected`; may return spuriously, callers loop.
void futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected) noexcept;
// Wakes every thread blocked in futex_wait on `word`. Only an address is passed to the
// kernel, so calling it after the word's memory was reused is harmless.
void futex_wake_all(std::atomic<std::uint32_t>& word) noexcept;

// A pause hint for spin loops.
inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield" ::: "memory");
#endif
}

}  // namespace coop::detail::platform
