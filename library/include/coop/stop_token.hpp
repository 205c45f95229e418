// coop::stop_source / stop_token / stop_callback: std::stop_token's semantics in C++17.
//
//  * stop_requested() is a single acquire load, no lock, on a cache line nothing else writes.
//  * request_stop() returns true exactly once, then runs the registered callbacks on the
//    calling thread; a callback registered after the stop runs immediately, inline.
//  * Registering a callback never allocates (the list node lives in the stop_callback) and
//    running N callbacks makes no system call unless a thread is blocked destroying one.
//  * ~stop_callback() waits if the callback is running on another thread, and returns at
//    once if called from inside the callback itself.
#pragma once

#include <functional>
#include <type_traits>
#include <utility>

#include "detail/stop_state.hpp"
#include "stop_reason.hpp"

namespace coop {

struct nostopstate_t {
  explicit nostopstate_t() = default;
};
inline constexpr nostopstate_t nostopstate{};

class stop_source;
template <class Callback>
class stop_callback;

namespace detail {
struct token_access;
}

class stop_token {
 public:
  stop_token() noexcept = default;
  stop_token(const stop_token& other) noexcept : state_(other.state_) {
    if (state_ != nullptr) state_->add_ref();
  }
  stop_token(stop_token&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  stop_token& operator=(const stop_token& other) noexcept {
    stop_token(other).swap(*this);
    return *this;
  }
  stop_token& operator=(stop_token&& other) noexcept {
    stop_token(std::move(other)).swap(*this);
    return *this;
  }
  ~stop_token() {
    if (state_ != nullptr) state_->release();
  }

  [[nodiscard]] bool stop_requested() const noexcept {
    return state_ != nullptr && state_->stop_requested();
  }
  [[nodiscard]] bool stop_possible() const noexcept {
    return state_ != nullptr && state_->stop_possible();
  }
  // Why the stop was requested; stop_reason::none while not stopped.
  [[nodiscard]] stop_reason reason() const noexcept {
    return state_ != nullptr ? state_->reason() : stop_reason::none;
  }

  void swap(stop_token& other) noexcept { std::swap(state_, other.state_); }
  friend void swap(stop_token& a, stop_token& b) noexcept { a.swap(b); }
  [[nodiscard]] friend bool operator==(const stop_token& a, const stop_token& b) noexcept {
    return a.state_ == b.state_;
  }
  [[nodiscard]] friend bool operator!=(const stop_token& a, const stop_token& b) noexcept {
    return a.state_ != b.state_;
  }

 private:
  friend class stop_source;
  template <class>
  friend class stop_callback;
  friend struct detail::token_access;

  explicit stop_token(detail::stop_state* adopted) noexcept : state_(adopted) {}

  detail::stop_state* state_ = nullptr;
};

class stop_source {
 public:
  stop_source() : state_(detail::stop_state::create()) {}
  explicit stop_source(nostopstate_t) noexcept {}
  stop_source(const stop_source& other) noexcept : state_(other.state_) {
    if (state_ != nullptr) state_->add_source();
  }
  stop_source(stop_source&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  stop_source& operator=(const stop_source& other) noexcept {
    stop_source(other).swap(*this);
    return *this;
  }
  stop_source& operator=(stop_source&& other) noexcept {
    stop_source(std::move(other)).swap(*this);
    return *this;
  }
  ~stop_source() {
    if (state_ != nullptr) state_->release_source();
  }

  [[nodiscard]] stop_token get_token() const noexcept {
    if (state_ != nullptr) state_->add_ref();
    return stop_token(state_);
  }
  [[nodiscard]] bool stop_possible() const noexcept { return state_ != nullptr; }
  [[nodiscard]] bool stop_requested() const noexcept {
    return state_ != nullptr && state_->stop_requested();
  }
  [[nodiscard]] stop_reason reason() const noexcept {
    return state_ != nullptr ? state_->reason() : stop_reason::none;
  }
  // True only for the call that actually stopped the state.
  bool request_stop() noexcept { return request_stop(stop_reason::requested); }
  bool request_stop(stop_reason why) noexcept {
    return state_ != nullptr && state_->request_stop(why);
  }

  void swap(stop_source& other) noexcept { std::swap(state_, other.state_); }
  friend void swap(stop_source& a, stop_source& b) noexcept { a.swap(b); }
  [[nodiscard]] friend bool operator==(const stop_source& a, const stop_source& b) noexcept {
    return a.state_ == b.state_;
  }
  [[nodiscard]] friend bool operator!=(const stop_source& a, const stop_source& b) noexcept {
    return a.state_ != b.state_;
  }

 private:
  friend struct detail::token_access;
  detail::stop_state* state_ = nullptr;
};

template <class Callback>
class stop_callback : private detail::callback_node {
  static_assert(std::is_invocable_v<Callback>, "stop_callback requires a callable taking no arguments");
  static_assert(std::is_destructible_v<Callback>, "stop_callback requires a destructible callable");

 public:
  using callback_type = Callback;

  template <class C, std::enable_if_t<std::is_constructible_v<Callback, C>, int> = 0>
  explicit stop_callback(const stop_token& token, C&& callback) noexcept(
      std::is_nothrow_constructible_v<Callback, C>)
      : detail::callback_node(&stop_callback::run), callback_(std::forward<C>(callback)) {
    attach(token.state_);
  }
  // Registration takes no reference on the state (the state stays alive while callbacks
  // are registered), so the rvalue overload is the same as the lvalue one.
  template <class C, std::enable_if_t<std::is_constructible_v<Callback, C>, int> = 0>
  explicit stop_callback(stop_token&& token, C&& callback) noexcept(
      std::is_nothrow_constructible_v<Callback, C>)
      : detail::callback_node(&stop_callback::run), callback_(std::forward<C>(callback)) {
    attach(token.state_);
  }

  ~stop_callback() {
    if (state_ != nullptr) state_->remove(this);
  }

  stop_callback(const stop_callback&) = delete;
  stop_callback& operator=(const stop_callback&) = delete;
  stop_callback(stop_callback&&) = delete;
  stop_callback& operator=(stop_callback&&) = delete;

 private:
  void attach(detail::stop_state* state) {
    if (state == nullptr) return;
    if (state->try_add(this)) {
      state_ = state;
    } else {
      run(this);  // already stopped: run inline, as std::stop_callback does
    }
  }
  static void run(detail::callback_node* node) noexcept {
    std::invoke(std::forward<Callback>(static_cast<stop_callback*>(node)->callback_));
  }

  Callback callback_;
  detail::stop_state* state_ = nullptr;
};

template <class Callback>
stop_callback(stop_token, Callback) -> stop_callback<Callback>;

namespace detail {
// The library's own back door to the state pointer (waits, linked sources, C API).
struct token_access {
  static stop_state* state(const stop_token& t) noexcept { return t.state_; }
  static stop_state* state(const stop_source& s) noexcept { return s.state_; }
  // Makes a token sharing `state` (takes a new reference).
  static stop_token make_token(stop_state* state) noexcept {
    if (state != nullptr) state->add_ref();
    return stop_token(state);
  }
};
}  // namespace detail

}  // namespace coop
