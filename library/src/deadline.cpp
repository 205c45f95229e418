// The process-wide timer thread that serves every deadline_source.
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "coop/deadline.hpp"
#include "coop/detail/config.hpp"

#if COOP_POSIX
#include <pthread.h>
#endif

namespace coop::detail {

namespace {

class timer_service {
 public:
  static timer_service& instance() {
    // Never destroyed: the timer thread may be running when static destructors do, and
    // deadline_sources with static storage may outlive any destruction order we pick.
    static timer_service* const service = new timer_service();
    return *service;
  }

  std::uint64_t schedule(steady_time when, const stop_source& source) {
    std::unique_lock<std::mutex> lock(mutex_);
    const std::uint64_t handle = next_handle_++;
    const auto it = timers_.emplace(key{when, handle}, source).first;
    if (!running_) {
      std::thread(&timer_service::run, this).detach();
      running_ = true;
      threads_started_.fetch_add(1, std::memory_order_relaxed);
    } else if (it == timers_.begin()) {
      wake_->notify_one();  // new earliest deadline: the thread must wait less
    }
    return handle;
  }

  void cancel(steady_time when, std::uint64_t handle) noexcept {
    stop_source dropped(nostopstate);
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = timers_.find(key{when, handle});
    if (it != timers_.end()) {
      dropped = std::move(it->second);  // released after the unlock
      timers_.erase(it);
    }
    // No notify: waking early for a removed entry is harmless, waking for nothing is waste.
  }

  unsigned threads_started() const noexcept { return threads_started_.load(std::memory_order_relaxed); }

 private:
  using key = std::pair<steady_time, std::uint64_t>;

  timer_service() {
#if COOP_POSIX
    ::pthread_atfork(&timer_service::before_fork, &timer_service::after_fork_in_parent,
                     &timer_service::after_fork_in_child);
#endif
  }

  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      if (timers_.empty()) {
        wake_->wait(lock);
        continue;
      }
      const auto first = timers_.begin();
      // A copy: the entry may be erased (cancel) while we wait, and wait_until reads
      // its argument again after waking.
      const steady_time due_at = first->first.first;
      if (due_at > std::chrono::steady_clock::now()) {
        wake_->wait_until(lock, due_at);
        continue;
      }
      stop_source due = std::move(first->second);
      timers_.erase(first);
      lock.unlock();
      due.request_stop(stop_reason::deadline);  // callbacks run here, without our lock
      due = stop_source(nostopstate);
      lock.lock();
    }
  }

#if COOP_POSIX
  // fork() copies only the calling thread: hold the lock across it so the child's copy
  // of the map is consistent, and give the child a fresh condition variable (the parent's
  // may record a waiter, our timer thread, that does not exist there) and no thread; the
  // next schedule() in the child starts one.
  static void before_fork() { instance().mutex_.lock(); }
  static void after_fork_in_parent() { instance().mutex_.unlock(); }
  static void after_fork_in_child() {
    timer_service& s = instance();
    s.wake_ = new std::condition_variable();  // the old one is leaked on purpose
    s.running_ = false;
    s.mutex_.unlock();
  }
#endif

  std::mutex mutex_;
  std::condition_variable* wake_ = new std::condition_variable();
  std::map<key, stop_source> timers_;
  std::uint64_t next_handle_ = 1;
  bool running_ = false;
  std::atomic<unsigned> threads_started_{0};
};

}  // namespace

std::uint64_t schedule_stop(steady_time when, const stop_source& source) {
  if (when <= std::chrono::steady_clock::now()) return 0;
  return timer_service::instance().schedule(when, source);
}

void cancel_stop(steady_time when, std::uint64_t handle) noexcept { timer_service::instance().cancel(when, handle); }

unsigned timer_threads_started() noexcept { return timer_service::instance().threads_started(); }

}  // namespace coop::detail
