// coop::jthread: std::jthread for C++17, plus a join with a timeout.
//
//   coop::jthread worker([](coop::stop_token token, int n) { ... }, 42);
//   worker.request_stop();
//   if (!worker.stop_and_join(std::chrono::seconds(2))) { /* still running */ }
//
// The callable gets the thread's stop token as first argument when it accepts one.
// The destructor requests stop and joins. stop_and_join(timeout) requests stop and
// reports whether the thread finished within the timeout; if not, the jthread stays
// joinable (a thread cannot be killed safely: for code that may never return, run it
// in a coop::process_worker).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>

#include "detail/time.hpp"
#include "stop_token.hpp"

namespace coop {

namespace detail {
// Signalled when the thread's callable has returned (before thread-local destructors run,
// so join() after it may still take a moment, but never blocks on user code).
class exit_latch {
 public:
  void signal() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
  }
  bool wait_until(steady_time deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (deadline == no_deadline) {
      cv_.wait(lock, [this] { return done_; });
      return true;
    }
    return cv_.wait_until(lock, deadline, [this] { return done_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
};

struct exit_signal {
  exit_latch& latch;
  ~exit_signal() { latch.signal(); }
};
}  // namespace detail

class jthread {
 public:
  using id = std::thread::id;
  using native_handle_type = std::thread::native_handle_type;

  jthread() noexcept : source_(nostopstate) {}

  template <class F, class... Args,
            std::enable_if_t<!std::is_same_v<std::remove_cv_t<std::remove_reference_t<F>>, jthread>, int> = 0>
  explicit jthread(F&& f, Args&&... args)
      : exit_(std::make_shared<detail::exit_latch>()),
        thread_(start(std::forward<F>(f), std::forward<Args>(args)...)) {}

  ~jthread() { stop_and_join_forever(); }

  jthread(jthread&&) noexcept = default;
  jthread& operator=(jthread&& other) noexcept {
    if (this != &other) {
      stop_and_join_forever();
      source_ = std::move(other.source_);
      exit_ = std::move(other.exit_);
      thread_ = std::move(other.thread_);
    }
    return *this;
  }
  jthread(const jthread&) = delete;
  jthread& operator=(const jthread&) = delete;

  [[nodiscard]] bool joinable() const noexcept { return thread_.joinable(); }
  void join() { thread_.join(); }
  void detach() { thread_.detach(); }
  [[nodiscard]] id get_id() const noexcept { return thread_.get_id(); }
  [[nodiscard]] native_handle_type native_handle() { return thread_.native_handle(); }
  [[nodiscard]] static unsigned hardware_concurrency() noexcept { return std::thread::hardware_concurrency(); }

  [[nodiscard]] stop_source get_stop_source() const noexcept { return source_; }
  [[nodiscard]] stop_token get_stop_token() const noexcept { return source_.get_token(); }
  bool request_stop() noexcept { return source_.request_stop(); }

  void swap(jthread& other) noexcept {
    source_.swap(other.source_);
    exit_.swap(other.exit_);
    thread_.swap(other.thread_);
  }
  friend void swap(jthread& a, jthread& b) noexcept { a.swap(b); }

  // Waits up to `timeout` for the callable to return; joins and returns true if it did.
  // A jthread with no thread (default-constructed, moved-from, joined, detached) counts
  // as finished.
  template <class Rep, class Period>
  bool try_join_for(const std::chrono::duration<Rep, Period>& timeout) {
    return try_join_until(detail::deadline_after(timeout));
  }

  // request_stop(), then try_join_for(timeout).
  template <class Rep, class Period>
  bool stop_and_join(const std::chrono::duration<Rep, Period>& timeout) {
    request_stop();
    return try_join_for(timeout);
  }

 private:
  template <class F, class... Args>
  std::thread start(F&& f, Args&&... args) {
    // Same decay-copy rules as std::thread: the callable and the arguments are copied
    // into the new thread and passed as rvalues.
    return std::thread(
        [latch = exit_, token = source_.get_token()](auto&& fn, auto&&... as) mutable {
          detail::exit_signal on_return{*latch};
          if constexpr (std::is_invocable_v<std::decay_t<F>, stop_token, std::decay_t<Args>...>) {
            std::invoke(std::move(fn), std::move(token), std::move(as)...);
          } else {
            static_assert(std::is_invocable_v<std::decay_t<F>, std::decay_t<Args>...>,
                          "coop::jthread: the callable cannot be invoked with these arguments");
            std::invoke(std::move(fn), std::move(as)...);
          }
        },
        std::forward<F>(f), std::forward<Args>(args)...);
  }

  bool try_join_until(detail::steady_time deadline) {
    if (!joinable()) return true;
    if (get_id() == std::this_thread::get_id())
      throw std::system_error(std::make_error_code(std::errc::resource_deadlock_would_occur), "coop::jthread");
    if (!exit_->wait_until(deadline)) return false;
    thread_.join();
    return true;
  }

  void stop_and_join_forever() {
    if (joinable()) {
      request_stop();
      thread_.join();
    }
  }

  stop_source source_;  // before thread_: the thread starts with a token of it
  std::shared_ptr<detail::exit_latch> exit_;
  std::thread thread_;
};

}  // namespace coop
