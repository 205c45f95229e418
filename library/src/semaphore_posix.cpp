#include <semaphore.h>
#include <time.h>

#include <cerrno>

#include "coop/semaphore.hpp"

namespace coop::detail {

namespace {
timespec to_timespec(std::chrono::nanoseconds since_epoch) noexcept {
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  timespec ts{};
  ts.tv_sec = static_cast<time_t>(secs.count());
  ts.tv_nsec = static_cast<long>((since_epoch - secs).count());
  return ts;
}
}  // namespace

int sem_acquire_until(sem_t* sem, steady_time deadline) noexcept {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 30))
  // libstdc++'s steady_clock is CLOCK_MONOTONIC: no conversion, immune to clock changes.
  const timespec ts = to_timespec(deadline.time_since_epoch());
  if (::sem_clockwait(sem, CLOCK_MONOTONIC, &ts) == 0) return 0;
#else
  // sem_timedwait only knows CLOCK_REALTIME; slices are short, so a clock jump costs little.
  const auto left = deadline - std::chrono::steady_clock::now();
  const auto real = std::chrono::system_clock::now().time_since_epoch() +
                    (left.count() > 0 ? std::chrono::duration_cast<std::chrono::nanoseconds>(left)
                                      : std::chrono::nanoseconds(0));
  const timespec ts = to_timespec(std::chrono::duration_cast<std::chrono::nanoseconds>(real));
  if (::sem_timedwait(sem, &ts) == 0) return 0;
#endif
  return errno;
}

}  // namespace coop::detail
