// stop_binding<Token, Fn>: "while this object lives, run Fn on the requesting thread when
// the token is stopped". The one mechanism every coop wait uses to get woken.
//
//   disarm()                 unregister; waits for a running Fn (Fn must not need anything
//                            the caller holds).
//   disarm_unlocking(lock)   unregister while the caller holds `lock`, which Fn may be
//                            blocked on. Never deadlocks; returns true if it had to release
//                            and re-acquire `lock` (the caller then re-evaluates its state).
#pragma once

#include <new>
#include <utility>

#include "stop_state.hpp"
#include "token_traits.hpp"

namespace coop::detail {

template <class Token, class Fn>
class stop_binding;

// coop tokens: an intrusive node, registered with try_add, so Fn never runs inline on
// the waiting thread (a stop that is already requested simply leaves it unarmed).
template <class Fn>
class coop_stop_binding : private callback_node {
 public:
  coop_stop_binding(stop_state* state, Fn fn) : callback_node(&coop_stop_binding::run), fn_(std::move(fn)) {
    if (state != nullptr && state->try_add(this)) state_ = state;
  }
  ~coop_stop_binding() { disarm(); }
  coop_stop_binding(const coop_stop_binding&) = delete;
  coop_stop_binding& operator=(const coop_stop_binding&) = delete;

  void disarm() noexcept {
    if (state_ != nullptr) std::exchange(state_, nullptr)->remove(this);
  }

  template <class Lock>
  bool disarm_unlocking(Lock& lock) {
    if (state_ == nullptr) return false;
    if (std::exchange(state_, nullptr)->try_remove(this) != removal::running_elsewhere) return false;
    // Fn is running on the requesting thread and may be blocked on `lock`.
    lock.unlock();
    stop_state::wait_until_done(this);
    lock.lock();
    return true;
  }

 private:
  static void run(callback_node* node) noexcept { static_cast<coop_stop_binding*>(node)->fn_(); }

  Fn fn_;
  stop_state* state_ = nullptr;
};

template <class Fn>
class stop_binding<stop_token, Fn> : public coop_stop_binding<Fn> {
 public:
  static constexpr bool needs_abandon = false;
  stop_binding(const stop_token& token, Fn fn) : coop_stop_binding<Fn>(state_of(token), std::move(fn)) {}
};

template <class Fn>
class stop_binding<borrowed_token, Fn> : public coop_stop_binding<Fn> {
 public:
  static constexpr bool needs_abandon = false;
  stop_binding(borrowed_token token, Fn fn) : coop_stop_binding<Fn>(token.state, std::move(fn)) {}
};

#if COOP_HAS_STD_STOP_TOKEN
// std tokens: std::stop_callback may run Fn inline and its destructor always waits, so a
// Fn that takes a lock must be able to give up (Fn::abandon()) instead of blocking on it.
template <class Fn>
class stop_binding<std::stop_token, Fn> {
 public:
  static constexpr bool needs_abandon = true;
  stop_binding(const std::stop_token& token, Fn fn) : fn_(std::move(fn)) {
    ::new (static_cast<void*>(storage_)) callback(token, invoker{this});
  }
  ~stop_binding() { disarm(); }
  stop_binding(const stop_binding&) = delete;
  stop_binding& operator=(const stop_binding&) = delete;

  void disarm() noexcept {
    if (live_) {
      live_ = false;
      std::launder(reinterpret_cast<callback*>(storage_))->~callback();
    }
  }

  template <class Lock>
  bool disarm_unlocking(Lock&) {
    fn_.abandon();  // a running Fn stops trying to take the lock we hold
    disarm();
    return false;
  }

 private:
  struct invoker {
    stop_binding* self;
    void operator()() const noexcept { self->fn_(); }
  };
  using callback = std::stop_callback<invoker>;

  Fn fn_;
  // Not std::optional: GCC 12 reports a false -Wmaybe-uninitialized inside
  // optional<stop_callback> at -O2.
  alignas(callback) unsigned char storage_[sizeof(callback)];
  bool live_ = true;
};
#endif

template <class Token>
inline constexpr bool binding_needs_abandon =
    stop_binding<std::remove_cv_t<std::remove_reference_t<Token>>, void (*)()>::needs_abandon;

}  // namespace coop::detail
