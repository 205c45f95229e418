// Why a stop state was stopped.
#pragma once

#include <cstdint>

namespace coop {

// Recorded once, by the request_stop call that wins; readable from any token after
// stop_requested() returned true. Values from `user` upwards are free for applications:
// `static_cast<coop::stop_reason>(static_cast<std::uint32_t>(coop::stop_reason::user) + n)`.
enum class stop_reason : std::uint32_t {
  none = 0,       // not stopped (yet)
  requested = 1,  // plain request_stop()
  deadline = 2,   // a deadline_source reached its deadline
  shutdown = 3,   // conventional value for process/application shutdown
  user = 256,
};

}  // namespace coop
