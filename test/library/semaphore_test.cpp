#include <gtest/gtest.h>
#include <semaphore.h>

#include <cerrno>
#include <thread>

#include "coop/semaphore.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

TEST(CountingSemaphore, BasicOperations) {
  coop::counting_semaphore<4> sem(1);
  EXPECT_EQ(coop::counting_semaphore<4>::max(), 4);
  EXPECT_TRUE(sem.try_acquire());
  EXPECT_FALSE(sem.try_acquire());
  EXPECT_FALSE(sem.try_acquire_for(5ms));
  sem.release(2);
  sem.acquire();
  EXPECT_TRUE(sem.try_acquire_until(std::chrono::system_clock::now() + 5ms));
  EXPECT_FALSE(sem.try_acquire());
}

TEST(CountingSemaphore, AcquireWithToken) {
  coop::binary_semaphore sem(0);
  coop::stop_source s;
  std::thread releaser([&] {
    std::this_thread::sleep_for(10ms);
    sem.release();
  });
  EXPECT_EQ(coop::acquire(sem, s.get_token()), coop::wait_status::ready);
  releaser.join();
  EXPECT_EQ(coop::acquire(sem, s.get_token(), 10ms), coop::wait_status::timeout);

  std::thread stopper([&] {
    std::this_thread::sleep_for(20ms);
    s.request_stop();
  });
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::acquire(sem, s.get_token(), coop_test::long_timeout), coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  stopper.join();
  sem.release();
  EXPECT_EQ(coop::acquire(sem, s.get_token()), coop::wait_status::ready);  // available beats stopped
}

TEST(PosixSemaphore, SemWaitWithToken) {
  sem_t sem;
  ASSERT_EQ(::sem_init(&sem, 0, 1), 0);
  coop::stop_source s;
  EXPECT_EQ(coop::sem_wait(&sem, s.get_token()), 0);
  errno = 0;
  EXPECT_EQ(coop::sem_wait(&sem, s.get_token(), 10ms), -1);
  EXPECT_EQ(errno, ETIMEDOUT);
  std::thread stopper([&] {
    std::this_thread::sleep_for(20ms);
    s.request_stop();
  });
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::sem_wait(&sem, s.get_token()), -1);
  EXPECT_EQ(errno, ECANCELED);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  stopper.join();
  std::thread poster([&] {
    std::this_thread::sleep_for(10ms);
    ::sem_post(&sem);
  });
  coop::stop_source fresh;
  EXPECT_EQ(coop::sem_wait(&sem, fresh.get_token(), coop_test::long_timeout), 0);
  poster.join();
  ::sem_destroy(&sem);
}
