// The single implementation behind every condition-variable wait in coop
// (std::condition_variable, std::condition_variable_any, pthread_cond_t, the queue,
// the semaphore and sleep).
//
// No-lost-wake-up protocol. Let M be the mutex the waiter's lock holds.
//   1. The waiter checks the stop flag while holding M.
//   2. The stop callback (on the requesting thread) acquires M, notifies, releases M.
//   3. cv.wait releases M and blocks as one atomic step.
// The flag is set before callbacks run. A stop requested before step 1 is seen there;
// one requested after step 1 needs M to notify, and the waiter holds M until it is
// blocked in step 3, so the notification cannot fall in between.
//
// Deregistration. When the wait ends the waiter holds M again, while the callback may
// be blocked acquiring M on the requesting thread; destroying it with std semantics
// (wait for it) would deadlock. coop tokens unregister without waiting and, only if the
// callback is already running, release M, wait for it, re-take M and re-evaluate the
// predicate. std::stop_token callbacks cannot be unregistered that way, so for them the
// callback try-locks M and gives up once the waiter has marked it abandoned.
//
// A callback invoked on the waiting thread itself (a predicate that requests the stop)
// does nothing: the waiter re-checks the flag under M before it blocks again.
#pragma once

#include <atomic>
#include <condition_variable>
#include <thread>
#include <type_traits>

#include "../wait_status.hpp"
#include "stop_binding.hpp"
#include "time.hpp"
#include "token_traits.hpp"

namespace coop::detail {

template <class T, class = void>
struct has_mutex_member : std::false_type {};
template <class T>
struct has_mutex_member<T, std::void_t<decltype(*std::declval<T&>().mutex())>> : std::true_type {};

template <class T, class = void>
struct has_try_lock : std::false_type {};
template <class T>
struct has_try_lock<T, std::void_t<decltype(std::declval<T&>().try_lock())>> : std::true_type {};

// The object whose lock/unlock the stop callback uses: the mutex a unique_lock (or any
// lock with .mutex()) owns, otherwise the lock object itself (a bare mutex passed to
// condition_variable_any, or the pthread adapter).
template <class Lock>
auto& lockable_of(Lock& lock) {
  if constexpr (has_mutex_member<Lock>::value) {
    return *lock.mutex();
  } else {
    return lock;
  }
}

template <class Cv, class Mutex, bool Abandonable>
class cv_notifier {
 public:
  cv_notifier(Cv& cv, Mutex& mutex) noexcept : cv_(&cv), mutex_(&mutex), waiter_(std::this_thread::get_id()) {}
  cv_notifier(cv_notifier&& other) noexcept : cv_(other.cv_), mutex_(other.mutex_), waiter_(other.waiter_) {}

  void operator()() noexcept {
    if (std::this_thread::get_id() == waiter_) return;
    if constexpr (Abandonable && has_try_lock<Mutex>::value) {
      for (unsigned spins = 0; !mutex_->try_lock(); ++spins) {
        // acquire: pairs with abandon(); once set, the waiter no longer needs (or waits for) us.
        if (abandoned_.load(std::memory_order_acquire)) return;
        if (spins > 16) std::this_thread::yield();
      }
    } else {
      mutex_->lock();
    }
    cv_->notify_all();
    mutex_->unlock();
  }

  void abandon() noexcept { abandoned_.store(true, std::memory_order_release); }

 private:
  Cv* cv_;
  Mutex* mutex_;
  std::thread::id waiter_;
  std::atomic<bool> abandoned_{false};
};

// Block policies: block once; return false when the deadline has passed.
struct block_forever {
  template <class Cv, class Lock>
  bool operator()(Cv& cv, Lock& lock) const {
    cv.wait(lock);
    return true;
  }
};

template <class Clock, class Duration>
struct block_until {
  std::chrono::time_point<Clock, Duration> deadline;
  template <class Cv, class Lock>
  bool operator()(Cv& cv, Lock& lock) const {
    if (deadline == std::chrono::time_point<Clock, Duration>::max()) {
      cv.wait(lock);
      return true;
    }
    return cv.wait_until(lock, deadline) == std::cv_status::no_timeout;
  }
};

struct no_predicate {};

// Precondition: `lock` is held. Postcondition: `lock` is held.
// With a predicate: ready iff pred() held when last evaluated under the lock.
// Without: one blocking wait (may return ready spuriously, like cv.wait).
template <class Token, class Cv, class Lock, class Block, class Pred>
wait_status cv_wait(Cv& cv, Lock& lock, const Token& token, const Block& block, Pred&& pred) {
  constexpr bool has_pred = !std::is_same_v<std::decay_t<Pred>, no_predicate>;
  if constexpr (has_pred) {
    if (pred()) return wait_status::ready;
  }
  if (stop_requested(token)) return wait_status::stop_requested;

  using token_type = std::remove_cv_t<std::remove_reference_t<Token>>;
  using mutex_type = std::remove_reference_t<decltype(lockable_of(lock))>;
  using notifier = cv_notifier<Cv, mutex_type, binding_needs_abandon<token_type>>;
  stop_binding<token_type, notifier> binding(token, notifier(cv, lockable_of(lock)));

  wait_status status = wait_status::ready;
  try {
    for (;;) {
      if (stop_requested(token)) {  // step 1 of the protocol: under M
        status = wait_status::stop_requested;
        break;
      }
      const bool in_time = block(cv, lock);  // step 3
      if constexpr (has_pred) {
        if (pred()) {
          status = wait_status::ready;
          break;
        }
        if (!in_time) {
          status = stop_requested(token) ? wait_status::stop_requested : wait_status::timeout;
          break;
        }
      } else {
        status = stop_requested(token) ? wait_status::stop_requested
                 : in_time             ? wait_status::ready
                                       : wait_status::timeout;
        break;
      }
    }
  } catch (...) {
    // A throwing predicate (or lock): never leave with the binding armed, and never wait
    // for its callback while holding the lock it may be blocked on.
    binding.disarm_unlocking(lock);
    throw;
  }

  if (binding.disarm_unlocking(lock)) {
    // M was released while the (running) stop callback finished: a stop was requested,
    // and the shared state may have changed.
    if constexpr (has_pred) {
      status = pred() ? wait_status::ready : wait_status::stop_requested;
    } else {
      status = wait_status::stop_requested;
    }
  }
  return status;
}

}  // namespace coop::detail
