// Helpers shared by the library tests.
#pragma once

#include <dirent.h>

#include <chrono>
#include <cstdlib>
#include <string>

namespace coop_test {

// COOP_STRESS_SCALE=N multiplies every stress iteration count (default 1).
inline int stress_scale() {
  const char* s = std::getenv("COOP_STRESS_SCALE");
  const int v = s != nullptr ? std::atoi(s) : 1;
  return v > 0 ? v : 1;
}

inline int iterations(int base) { return base * stress_scale(); }

using clock = std::chrono::steady_clock;

inline double seconds_since(clock::time_point start) {
  return std::chrono::duration<double>(clock::now() - start).count();
}

// "Promptly": a stopped wait must return long before its (10 s) timeout. Loose on purpose:
// sanitizer builds on a loaded 2-core machine are slow, but a lost wake-up is not 5 s slow,
// it is 10 s (the timeout) slow.
inline constexpr auto long_timeout = std::chrono::seconds(10);
inline constexpr double prompt_seconds = 5.0;

inline int open_fd_count() {
  int n = 0;
  if (DIR* d = ::opendir("/proc/self/fd")) {
    while (dirent* e = ::readdir(d)) {
      if (e->d_name[0] != '.') ++n;
    }
    ::closedir(d);
  }
  return n - 1;  // the DIR's own descriptor
}

}  // namespace coop_test
