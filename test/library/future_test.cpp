#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "coop/future.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

TEST(FutureWait, ReadyTimeoutAndStop) {
  coop::stop_source s;
  std::promise<int> p;
  std::future<int> f = p.get_future();
  EXPECT_EQ(coop::wait(f, s.get_token(), 10ms), coop::wait_status::timeout);
  std::thread setter([&] {
    std::this_thread::sleep_for(10ms);
    p.set_value(5);
  });
  EXPECT_EQ(coop::wait(f, s.get_token()), coop::wait_status::ready);
  EXPECT_EQ(f.get(), 5);
  setter.join();

  std::promise<void> never;
  std::shared_future<void> sf = never.get_future().share();
  std::thread stopper([&] {
    std::this_thread::sleep_for(20ms);
    s.request_stop();
  });
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::wait(sf, s.get_token(), coop_test::long_timeout), coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  stopper.join();
}

TEST(FutureWait, DeferredAndInvalid) {
  coop::stop_source s;
  auto deferred = std::async(std::launch::deferred, [] { return 3; });
  EXPECT_EQ(coop::wait(deferred, s.get_token()), coop::wait_status::ready);
  EXPECT_EQ(deferred.get(), 3);
  std::future<int> invalid;
  EXPECT_THROW(coop::wait(invalid, s.get_token()), std::future_error);
}
