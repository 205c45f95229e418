/* Fuzzer stand-in for the coop library's C++ headers (docs/api-contract.md):
   the declarations the stop-token recognition and fix-its refer to. */
#ifndef COOP_FUZZ_COOP_H
#define COOP_FUZZ_COOP_H
#include "coop-fuzz-posix.h"
/* The C API is the real header (its own includes are stand-ins too). */
#include <coop/coop.h>
#ifdef __cplusplus
#include "coop-fuzz-std.h"
namespace coop {
class stop_token {
public:
  bool stop_requested() const noexcept;
  bool stop_possible() const noexcept;
};
class stop_source {
public:
  stop_token get_token() const noexcept;
  bool request_stop() noexcept;
};
template <class F> class stop_callback {
public:
  stop_callback(const stop_token &, F);
};
class jthread {
public:
  template <class F, class... A> explicit jthread(F &&, A &&...);
  void join();
  bool request_stop() noexcept;
  stop_token get_stop_token() const noexcept;
};
template <class R, class P> bool sleep_for(stop_token, const std::chrono::duration<R, P> &);
template <class L, class P> bool wait(std::condition_variable_any &, L &, stop_token, P);
class counting_semaphore {
public:
  bool acquire(stop_token);
};
} // namespace coop
#endif
#endif
