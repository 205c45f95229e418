#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "coop/sleep.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

TEST(Sleep, FullDurationReportsTimeout) {
  coop::stop_source s;
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::sleep_for(s.get_token(), 30ms), coop::wait_status::timeout);
  EXPECT_GE(coop_test::seconds_since(start), 0.029);
  EXPECT_EQ(coop::sleep_until(s.get_token(), std::chrono::system_clock::now() + 10ms), coop::wait_status::timeout);
  EXPECT_EQ(coop::sleep_for(coop::stop_token(), 1ms), coop::wait_status::timeout);
}

TEST(Sleep, StopCutsItShort) {
  coop::stop_source s;
  std::thread stopper([&] {
    std::this_thread::sleep_for(20ms);
    s.request_stop();
  });
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::sleep_for(s.get_token(), coop_test::long_timeout), coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  stopper.join();
}

TEST(Sleep, AlreadyStoppedReturnsAtOnce) {
  coop::stop_source s;
  s.request_stop();
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::sleep_for(s.get_token(), std::chrono::hours(1)), coop::wait_status::stop_requested);
  EXPECT_EQ(coop::sleep_until(s.get_token(), coop_test::clock::time_point::max()), coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), 1.0);
}

TEST(Sleep, NonPositiveDurations) {
  coop::stop_source s;
  EXPECT_EQ(coop::sleep_for(s.get_token(), 0ms), coop::wait_status::timeout);
  EXPECT_EQ(coop::sleep_for(s.get_token(), -1s), coop::wait_status::timeout);
}
