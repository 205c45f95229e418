#include "coop/detail/stop_state.hpp"

#include "platform/futex.hpp"

namespace coop::detail {

namespace {
constexpr std::uint32_t pending = 0;
constexpr std::uint32_t finished = 1;
constexpr std::uint32_t waiter_sleeping = 2;
}  // namespace

void stop_state::lock() noexcept {
  std::uint32_t expected = 0;
  if (lock_.compare_exchange_weak(expected, 1, std::memory_order_acquire, std::memory_order_relaxed)) return;
  lock_contended();
}

// The lock only ever guards a handful of pointer writes (callbacks run with it released),
// so contention is brief: spin with a pause, then yield in case the holder was preempted.
void stop_state::lock_contended() noexcept {
  for (unsigned spins = 0;; ++spins) {
    if (lock_.load(std::memory_order_relaxed) == 0) {
      std::uint32_t expected = 0;
      if (lock_.compare_exchange_weak(expected, 1, std::memory_order_acquire, std::memory_order_relaxed))
        return;
    }
    if (spins < 64) {
      platform::cpu_relax();
    } else {
      std::this_thread::yield();
    }
  }
}

bool stop_state::request_stop(stop_reason why) noexcept {
  if (stopped_.load(std::memory_order_acquire) != 0) return false;

  // A callback may destroy the last stop_source (and thus this call's `this` owner);
  // hold a reference until the list is drained.
  add_ref();
  lock();
  if (stopped_.load(std::memory_order_relaxed) != 0) {  // lost the race
    unlock();
    release();
    return false;
  }
  reason_.store(static_cast<std::uint32_t>(why), std::memory_order_relaxed);
  // Release: publishes reason_ and everything the requester did before the request to any
  // thread whose stop_requested() sees the flag. Stored under the lock so try_add either
  // links a node before the stop (and we run it below) or sees the flag (and the caller runs it).
  stopped_.store(1, std::memory_order_release);
  requester_ = std::this_thread::get_id();

  while (head_ != nullptr) {
    callback_node* node = head_;
    head_ = node->next;
    if (head_ != nullptr) head_->prev = &head_;
    node->next = nullptr;
    node->prev = nullptr;  // "taken by request_stop": try_remove will not unlink it
    running_ = node;
    bool destroyed = false;
    node->destroyed = &destroyed;
    unlock();

    node->invoke(node);

    if (!destroyed) {
      // Release: the callback's effects happen-before the return of a destructor that
      // observes `finished`. Only if that destructor already went to sleep do we pay a syscall.
      if (node->done.exchange(finished, std::memory_order_release) == waiter_sleeping)
        platform::futex_wake_all(node->done);
    }
    // else: the callback destroyed its own stop_callback; the node is gone.
    lock();
    running_ = nullptr;
  }
  unlock();
  release();
  return true;
}

bool stop_state::try_add(callback_node* node) noexcept {
  if (stopped_.load(std::memory_order_acquire) != 0) return false;
  lock();
  if (stopped_.load(std::memory_order_relaxed) != 0) {
    unlock();
    return false;
  }
  node->done.store(pending, std::memory_order_relaxed);
  node->next = head_;
  node->prev = &head_;
  if (head_ != nullptr) head_->prev = &node->next;
  head_ = node;
  ++callbacks_;
  unlock();
  return true;
}

removal stop_state::try_remove(callback_node* node) noexcept {
  lock();
  --callbacks_;
  const bool delete_state = orphaned_ && callbacks_ == 0;
  if (node->prev != nullptr) {
    *node->prev = node->next;
    if (node->next != nullptr) node->next->prev = node->prev;
    node->prev = nullptr;
    node->next = nullptr;
    unlock();
    if (delete_state) delete this;
    return removal::removed;
  }
  // request_stop has taken the node. If it is running it on this thread we are inside the
  // callback (directly or nested): waiting would deadlock, so tell request_stop not to
  // touch the node again and return.
  const bool inside_callback = running_ == node && requester_ == std::this_thread::get_id();
  unlock();
  // request_stop holds a reference while it runs, so the state cannot be orphaned (and
  // deleted here) while `node` is still being invoked.
  if (delete_state) delete this;
  if (inside_callback) {
    *node->destroyed = true;
    return removal::finished;
  }
  return node->done.load(std::memory_order_acquire) == finished ? removal::finished
                                                                 : removal::running_elsewhere;
}

void stop_state::wait_until_done(callback_node* node) noexcept {
  // Callbacks are usually short: spin a little before announcing a sleeper.
  for (int i = 0; i < 256; ++i) {
    if (node->done.load(std::memory_order_acquire) == finished) return;
    platform::cpu_relax();
  }
  std::uint32_t expected = pending;
  if (!node->done.compare_exchange_strong(expected, waiter_sleeping, std::memory_order_acquire,
                                          std::memory_order_acquire))
    return;  // became `finished` meanwhile (acquire: we see the callback's effects)
  while (node->done.load(std::memory_order_acquire) != finished)
    platform::futex_wait(node->done, waiter_sleeping);
}

void stop_state::on_last_release() noexcept {
  lock();
  const bool delete_state = callbacks_ == 0;
  if (!delete_state) orphaned_ = true;  // the last try_remove deletes
  unlock();
  if (delete_state) delete this;
}

}  // namespace coop::detail
