// coop::wait / wait_for / wait_until on std::condition_variable and condition_variable_any.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <shared_mutex>
#include <thread>

#include "coop/wait.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

template <class Cv>
class Wait : public ::testing::Test {};

using CvTypes = ::testing::Types<std::condition_variable, std::condition_variable_any>;
TYPED_TEST_SUITE(Wait, CvTypes);

TYPED_TEST(Wait, PredicateBecomesTrue) {
  std::mutex m;
  TypeParam cv;
  bool flag = false;
  coop::stop_source s;
  std::thread notifier([&] {
    std::this_thread::sleep_for(10ms);
    {
      std::lock_guard<std::mutex> g(m);
      flag = true;
    }
    cv.notify_all();
  });
  std::unique_lock<std::mutex> lock(m);
  EXPECT_EQ(coop::wait(cv, lock, s.get_token(), [&] { return flag; }), coop::wait_status::ready);
  EXPECT_TRUE(lock.owns_lock());
  EXPECT_TRUE(flag);
  lock.unlock();
  notifier.join();
}

TYPED_TEST(Wait, StopWakesTheWaiterPromptly) {
  std::mutex m;
  TypeParam cv;
  coop::stop_source s;
  std::thread stopper([&] {
    std::this_thread::sleep_for(20ms);
    s.request_stop();
  });
  std::unique_lock<std::mutex> lock(m);
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::wait_for(cv, lock, s.get_token(), coop_test::long_timeout, [] { return false; }),
            coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  EXPECT_TRUE(lock.owns_lock());
  lock.unlock();
  stopper.join();
}

TYPED_TEST(Wait, AlreadyStopped) {
  std::mutex m;
  TypeParam cv;
  coop::stop_source s;
  s.request_stop();
  std::unique_lock<std::mutex> lock(m);
  EXPECT_EQ(coop::wait(cv, lock, s.get_token(), [] { return false; }), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::wait(cv, lock, s.get_token(), [] { return true; }), coop::wait_status::ready);  // pred wins
  EXPECT_EQ(coop::wait(cv, lock, s.get_token()), coop::wait_status::stop_requested);
  EXPECT_TRUE(lock.owns_lock());
}

TYPED_TEST(Wait, Timeouts) {
  std::mutex m;
  TypeParam cv;
  coop::stop_source s;
  std::unique_lock<std::mutex> lock(m);
  auto start = coop_test::clock::now();
  EXPECT_EQ(coop::wait_for(cv, lock, s.get_token(), 30ms, [] { return false; }), coop::wait_status::timeout);
  EXPECT_GE(coop_test::seconds_since(start), 0.029);
  EXPECT_EQ(coop::wait_until(cv, lock, s.get_token(), std::chrono::system_clock::now() + 20ms, [] { return false; }),
            coop::wait_status::timeout);
  start = coop_test::clock::now();
  coop::wait_status st;
  do {  // without predicate: spurious wake-ups report ready
    st = coop::wait_until(cv, lock, s.get_token(), coop_test::clock::now() + 20ms);
  } while (st == coop::wait_status::ready && coop_test::seconds_since(start) < 5);
  EXPECT_EQ(st, coop::wait_status::timeout);
  EXPECT_EQ(coop::wait_for(cv, lock, s.get_token(), 0ms, [] { return true; }), coop::wait_status::ready);
  EXPECT_EQ(coop::wait_for(cv, lock, s.get_token(), -5ms, [] { return false; }), coop::wait_status::timeout);
  EXPECT_TRUE(lock.owns_lock());
}

TYPED_TEST(Wait, WithoutPredicateANotifyReportsReady) {
  std::mutex m;
  TypeParam cv;
  coop::stop_source s;
  std::atomic<bool> waiting{false};
  std::thread notifier([&] {
    while (!waiting) std::this_thread::yield();
    std::lock_guard<std::mutex> g(m);  // the waiter is blocked once we get the mutex
    cv.notify_all();
  });
  std::unique_lock<std::mutex> lock(m);
  waiting = true;
  EXPECT_EQ(coop::wait(cv, lock, s.get_token()), coop::wait_status::ready);
  lock.unlock();
  notifier.join();
}

TYPED_TEST(Wait, PredicateThatRequestsTheStopDoesNotDeadlock) {
  std::mutex m;
  TypeParam cv;
  coop::stop_source s;
  std::atomic<bool> done{false};
  std::thread notifier([&] {  // wakes the waiter so that it re-evaluates the predicate
    while (!done) {
      cv.notify_all();
      std::this_thread::sleep_for(1ms);
    }
  });
  int calls = 0;
  {
    std::unique_lock<std::mutex> lock(m);
    // The second evaluation happens with the stop callback registered: request_stop runs
    // it right here, on the waiting thread, which holds the mutex the callback would take.
    EXPECT_EQ(coop::wait(cv, lock, s.get_token(), [&] {
                if (++calls == 2) {
                  EXPECT_TRUE(s.request_stop());
                }
                return false;
              }),
              coop::wait_status::stop_requested);
  }
  done = true;
  notifier.join();
  EXPECT_EQ(calls, 2);
}

TYPED_TEST(Wait, ThrowingPredicateLeavesNothingRegistered) {
  std::mutex m;
  TypeParam cv;
  coop::stop_source s;
  std::atomic<bool> done{false};
  std::thread notifier([&] {
    while (!done) {
      cv.notify_all();
      std::this_thread::sleep_for(1ms);
    }
  });
  {
    std::unique_lock<std::mutex> lock(m);
    int calls = 0;
    EXPECT_THROW(coop::wait(cv, lock, s.get_token(), [&]() -> bool {
                   if (++calls == 2) throw std::runtime_error("predicate");
                   return false;
                 }),
                 std::runtime_error);
    EXPECT_TRUE(lock.owns_lock());
  }
  done = true;
  notifier.join();
  s.request_stop();  // ASan: the binding of the abandoned wait must be gone
}

TEST(WaitAny, BareMutexAndSharedMutexLocks) {
  std::condition_variable_any cv;
  coop::stop_source s;
  {
    std::mutex m;
    m.lock();  // condition_variable_any accepts any BasicLockable, here the mutex itself
    std::thread stopper([&] {
      std::this_thread::sleep_for(10ms);
      s.request_stop();
    });
    EXPECT_EQ(coop::wait(cv, m, s.get_token(), [] { return false; }), coop::wait_status::stop_requested);
    m.unlock();
    stopper.join();
  }
  {
    coop::stop_source s2;
    std::shared_mutex sm;
    std::unique_lock<std::shared_mutex> lock(sm);
    std::thread stopper([&] {
      std::this_thread::sleep_for(10ms);
      s2.request_stop();
    });
    EXPECT_EQ(coop::wait_for(cv, lock, s2.get_token(), coop_test::long_timeout, [] { return false; }),
              coop::wait_status::stop_requested);
    EXPECT_TRUE(lock.owns_lock());
    lock.unlock();
    stopper.join();
  }
}

TEST(WaitStatus, ToString) {
  EXPECT_STREQ(coop::to_string(coop::wait_status::ready), "ready");
  EXPECT_STREQ(coop::to_string(coop::wait_status::stop_requested), "stop_requested");
  EXPECT_STREQ(coop::to_string(coop::wait_status::timeout), "timeout");
}
