// The one result type of every interruptible wait.
#pragma once

namespace coop {

// Why a wait returned. A wait with a predicate reports `ready` whenever the predicate
// holds on return, even if a stop was also requested or the deadline also passed.
enum class wait_status {
  ready,           // the awaited event happened (or, for waits without a predicate, a notify/spurious wake)
  stop_requested,  // the token's stop source was asked to stop
  timeout,         // the deadline passed first
};

constexpr const char* to_string(wait_status s) noexcept {
  switch (s) {
    case wait_status::ready: return "ready";
    case wait_status::stop_requested: return "stop_requested";
    case wait_status::timeout: return "timeout";
  }
  return "?";
}

}  // namespace coop
