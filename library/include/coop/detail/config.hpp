// Platform detection and the few constants every other header needs.
#pragma once

#include <cstddef>

#if defined(_WIN32)
#define COOP_WINDOWS 1
#else
#define COOP_POSIX 1
#if defined(__linux__)
#define COOP_LINUX 1
#endif
#endif

#if defined(_MSVC_LANG)
#define COOP_CPLUSPLUS _MSVC_LANG
#else
#define COOP_CPLUSPLUS __cplusplus
#endif

// std::stop_token interop is header-only: it is compiled into C++20 user code, while
// the library itself stays C++17.
#if COOP_CPLUSPLUS >= 202002L && defined(__has_include)
#if __has_include(<stop_token>)
#include <stop_token>
#if defined(__cpp_lib_jthread)
#define COOP_HAS_STD_STOP_TOKEN 1
#endif
#endif
#if __has_include(<semaphore>)
#include <semaphore>
#if defined(__cpp_lib_semaphore)
#define COOP_HAS_STD_SEMAPHORE 1
#endif
#endif
#endif

namespace coop::detail {

// The size that keeps two independently written variables from sharing a cache line.
// std::hardware_destructive_interference_size is not usable in headers (its value may
// differ between TUs, GCC warns with -Winterference-size), so the layout fixes 64,
// which is right for x86-64 and most AArch64 cores.
inline constexpr std::size_t cache_line = 64;

// x86 cores (the L2 "adjacent line" prefetcher) move cache lines in aligned pairs: data
// that must not disturb a hot line has to be outside its 128-byte block, not just its line.
inline constexpr std::size_t prefetch_block = 2 * cache_line;

}  // namespace coop::detail
