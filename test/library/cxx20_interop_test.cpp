// Compiled with -std=c++20: every coop wait accepts a std::stop_token too, and a
// linked_stop_source takes std::stop_token parents.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <random>
#include <semaphore>
#include <stop_token>
#include <thread>

#include "coop/coop.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

static_assert(__cplusplus >= 202002L, "this test must be compiled as C++20");
static_assert(coop::detail::is_stop_token_v<std::stop_token>);

template <class Cv>
class StdTokenWait : public ::testing::Test {};
using CvTypes = ::testing::Types<std::condition_variable, std::condition_variable_any>;
TYPED_TEST_SUITE(StdTokenWait, CvTypes);

TYPED_TEST(StdTokenWait, StopWakesTheWaiter) {
  std::mutex m;
  TypeParam cv;
  std::stop_source s;
  std::jthread stopper([&] {
    std::this_thread::sleep_for(20ms);
    s.request_stop();
  });
  std::unique_lock lock(m);
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::wait_for(cv, lock, s.get_token(), coop_test::long_timeout, [] { return false; }),
            coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  EXPECT_TRUE(lock.owns_lock());
}

TYPED_TEST(StdTokenWait, NoLostWakeUpAndNoDeregistrationDeadlock) {
  std::minstd_rand rng(4242);
  const int n = coop_test::iterations(1000);
  for (int i = 0; i < n; ++i) {
    std::mutex m;
    TypeParam cv;
    std::stop_source s;
    bool flag = false;
    coop::wait_status status{};
    double took = 0;
    std::thread waiter([&] {
      std::unique_lock lock(m);
      const auto start = coop_test::clock::now();
      status = coop::wait_for(cv, lock, s.get_token(), coop_test::long_timeout, [&] { return flag; });
      took = coop_test::seconds_since(start);
    });
    if (i % 2 == 0) {  // also race a notify, so the waiter sometimes returns holding the mutex
      std::lock_guard g(m);
      flag = true;
      cv.notify_all();
    }
    if (rng() % 2) std::this_thread::yield();
    s.request_stop();
    waiter.join();
    ASSERT_LT(took, coop_test::prompt_seconds) << i;
    if (i % 2 == 1) {
      ASSERT_EQ(status, coop::wait_status::stop_requested) << i;
    }
  }
}

TEST(StdToken, SleepQueueSemaphoreFutureIo) {
  std::stop_source s;
  EXPECT_EQ(coop::sleep_for(s.get_token(), 1ms), coop::wait_status::timeout);

  coop::bounded_queue<int> q(1);
  EXPECT_TRUE(q.push(1, s.get_token()));
  EXPECT_EQ(q.pop(s.get_token()), 1);

  std::counting_semaphore<2> sem(1);
  EXPECT_EQ(coop::acquire(sem, s.get_token()), coop::wait_status::ready);
  EXPECT_EQ(coop::acquire(sem, s.get_token(), 5ms), coop::wait_status::timeout);
  coop::binary_semaphore coop_sem(1);
  EXPECT_EQ(coop::acquire(coop_sem, s.get_token()), coop::wait_status::ready);

  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
  std::jthread stopper([&] {
    std::this_thread::sleep_for(20ms);
    s.request_stop();
  });
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::wait_readable(fds[0], s.get_token(), coop_test::long_timeout), coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  char c;
  EXPECT_EQ(coop::recv(fds[0], &c, 1, 0, s.get_token()), -1);
  EXPECT_EQ(errno, ECANCELED);
  EXPECT_EQ(coop::acquire(sem, s.get_token()), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::sleep_for(s.get_token(), 1h), coop::wait_status::stop_requested);
  std::promise<void> p;
  EXPECT_EQ(coop::wait(p.get_future(), s.get_token()), coop::wait_status::stop_requested);
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST(StdToken, LinkedSourceWithStdParent) {
  std::stop_source std_parent;
  coop::stop_source coop_parent;
  coop::linked_stop_source child(std_parent.get_token(), coop_parent.get_token());
  EXPECT_FALSE(child.stop_requested());
  std_parent.request_stop();
  EXPECT_TRUE(child.stop_requested());
  coop_parent.request_stop();
}

TEST(StdToken, SleepStress) {
  const int n = coop_test::iterations(300);
  for (int i = 0; i < n; ++i) {
    std::stop_source s;
    coop::wait_status status{};
    std::thread sleeper([&] { status = coop::sleep_for(s.get_token(), coop_test::long_timeout); });
    if (i % 2) std::this_thread::yield();
    s.request_stop();
    sleeper.join();
    ASSERT_EQ(status, coop::wait_status::stop_requested);
  }
}
