// No lost wake-up, in any interleaving: a waiter blocked (or about to block) on a
// condition variable is stopped at a random moment and must return long before its 10 s
// timeout. Also the deregistration deadlock: the stop callback, blocked on the waiter's
// mutex, while the waiter (holding it) destroys the callback.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

#include "coop/sleep.hpp"
#include "coop/wait.hpp"
#include "test_support.hpp"

namespace {

void jitter(std::minstd_rand& rng) {
  const unsigned kind = rng() % 4;
  if (kind == 1) std::this_thread::yield();
  if (kind == 2)
    for (volatile unsigned i = 0, n = rng() % 2000; i < n; ++i) {
    }
  if (kind == 3) std::this_thread::sleep_for(std::chrono::microseconds(rng() % 200));
}

template <class Cv>
void stop_versus_wait(int n) {
  std::minstd_rand rng(12345);
  double worst = 0;
  for (int i = 0; i < n; ++i) {
    std::mutex m;
    Cv cv;
    coop::stop_source s;
    coop::wait_status status = coop::wait_status::ready;
    double took = 0;
    std::thread waiter([&] {
      std::unique_lock<std::mutex> lock(m);
      const auto start = coop_test::clock::now();
      status = coop::wait_for(cv, lock, s.get_token(), coop_test::long_timeout, [] { return false; });
      took = coop_test::seconds_since(start);
    });
    jitter(rng);
    s.request_stop();
    waiter.join();
    ASSERT_EQ(status, coop::wait_status::stop_requested) << "iteration " << i;
    ASSERT_LT(took, coop_test::prompt_seconds) << "lost wake-up in iteration " << i;
    worst = std::max(worst, took);
  }
  ::testing::Test::RecordProperty("worst_wake_ms", static_cast<int>(worst * 1000));
}

// The waiter is woken by a notify (predicate true) at the same moment as the stop, and
// returns holding the mutex: the stop callback may be blocked on that mutex while the
// waiter deregisters it. Must neither deadlock nor return a wrong status.
template <class Cv>
void stop_versus_notify(int n) {
  std::minstd_rand rng(777);
  for (int i = 0; i < n; ++i) {
    std::mutex m;
    Cv cv;
    coop::stop_source s;
    bool flag = false;
    coop::wait_status status{};
    std::thread waiter([&] {
      std::unique_lock<std::mutex> lock(m);
      status = coop::wait_for(cv, lock, s.get_token(), coop_test::long_timeout, [&] { return flag; });
      // Hold the mutex a little after waking: the stop callback now blocks on it.
      for (volatile int k = 0; k < 200; ++k) {
      }
    });
    std::thread notifier([&] {
      {
        std::lock_guard<std::mutex> g(m);
        flag = true;
      }
      cv.notify_all();
    });
    jitter(rng);
    s.request_stop();
    waiter.join();
    notifier.join();
    ASSERT_TRUE(status == coop::wait_status::ready || status == coop::wait_status::stop_requested) << i;
  }
}

}  // namespace

TEST(WaitStress, StopVersusWaitConditionVariable) { stop_versus_wait<std::condition_variable>(coop_test::iterations(2000)); }
TEST(WaitStress, StopVersusWaitConditionVariableAny) {
  stop_versus_wait<std::condition_variable_any>(coop_test::iterations(2000));
}
TEST(WaitStress, StopVersusNotifyConditionVariable) {
  stop_versus_notify<std::condition_variable>(coop_test::iterations(1000));
}
TEST(WaitStress, StopVersusNotifyConditionVariableAny) {
  stop_versus_notify<std::condition_variable_any>(coop_test::iterations(1000));
}

TEST(WaitStress, StopVersusSleep) {
  std::minstd_rand rng(99);
  const int n = coop_test::iterations(1000);
  for (int i = 0; i < n; ++i) {
    coop::stop_source s;
    coop::wait_status status{};
    double took = 0;
    std::thread sleeper([&] {
      const auto start = coop_test::clock::now();
      status = coop::sleep_for(s.get_token(), coop_test::long_timeout);
      took = coop_test::seconds_since(start);
    });
    jitter(rng);
    s.request_stop();
    sleeper.join();
    ASSERT_EQ(status, coop::wait_status::stop_requested);
    ASSERT_LT(took, coop_test::prompt_seconds) << "iteration " << i;
  }
}

// Many waiters on one condition variable, each with its own token; stopping one must wake
// exactly that one (the others keep waiting), and a final notify releases the rest.
TEST(WaitStress, ManyWaitersOneStopped) {
  const int rounds = coop_test::iterations(100);
  for (int r = 0; r < rounds; ++r) {
    std::mutex m;
    std::condition_variable cv;
    bool go = false;
    coop::stop_source sources[4];
    coop::wait_status status[4]{};
    std::thread waiters[4];
    for (int w = 0; w < 4; ++w)
      waiters[w] = std::thread([&, w] {
        std::unique_lock<std::mutex> lock(m);
        status[w] = coop::wait_for(cv, lock, sources[w].get_token(), coop_test::long_timeout, [&] { return go; });
      });
    sources[r % 4].request_stop();
    waiters[r % 4].join();
    ASSERT_EQ(status[r % 4], coop::wait_status::stop_requested);
    {
      std::lock_guard<std::mutex> g(m);
      go = true;
    }
    cv.notify_all();
    for (int w = 0; w < 4; ++w) {
      if (w == r % 4) continue;
      waiters[w].join();
      ASSERT_EQ(status[w], coop::wait_status::ready);
    }
  }
}
