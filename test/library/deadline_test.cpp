#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "coop/deadline.hpp"
#include "coop/sleep.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

namespace {
bool wait_stopped(const coop::stop_token& t, double seconds) {
  const auto start = coop_test::clock::now();
  while (!t.stop_requested()) {
    if (coop_test::seconds_since(start) > seconds) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}
}  // namespace

TEST(DeadlineSource, StopsItselfAfterTheDuration) {
  const auto start = coop_test::clock::now();
  coop::deadline_source d(50ms);
  EXPECT_FALSE(d.stop_requested());
  ASSERT_TRUE(wait_stopped(d.get_token(), 5));
  EXPECT_GE(coop_test::seconds_since(start), 0.049);
  EXPECT_EQ(d.reason(), coop::stop_reason::deadline);
  EXPECT_EQ(d.get_token().reason(), coop::stop_reason::deadline);
}

TEST(DeadlineSource, PastDeadlineIsStoppedImmediately) {
  coop::deadline_source d(coop_test::clock::now() - 1s);
  EXPECT_TRUE(d.stop_requested());
  coop::deadline_source zero(0ms);
  EXPECT_TRUE(zero.stop_requested());
}

TEST(DeadlineSource, SystemClockTimePoint) {
  coop::deadline_source d(std::chrono::system_clock::now() + 30ms);
  EXPECT_TRUE(wait_stopped(d.get_token(), 5));
}

TEST(DeadlineSource, MaxDurationNeverFires) {
  coop::deadline_source d(std::chrono::hours::max());
  EXPECT_FALSE(d.stop_requested());
  EXPECT_EQ(d.deadline(), coop::deadline_source::clock::time_point::max());
}

TEST(DeadlineSource, EarlyRequestStopWins) {
  coop::deadline_source d(10s);
  EXPECT_TRUE(d.request_stop());
  EXPECT_EQ(d.reason(), coop::stop_reason::requested);
  EXPECT_FALSE(d.request_stop());
}

TEST(DeadlineSource, DestroyedBeforeTheDeadlineNeverFires) {
  coop::stop_token t;
  {
    coop::deadline_source d(30ms);
    t = d.get_token();
  }
  std::this_thread::sleep_for(80ms);
  EXPECT_FALSE(t.stop_requested());
  EXPECT_FALSE(t.stop_possible());  // the timer dropped its copy of the source
}

TEST(DeadlineSource, Movable) {
  coop::deadline_source a(30ms);
  coop::deadline_source b(std::move(a));
  EXPECT_TRUE(wait_stopped(b.get_token(), 5));
  coop::deadline_source c(1h);
  c = coop::deadline_source(20ms);
  EXPECT_TRUE(wait_stopped(c.get_token(), 5));
}

TEST(DeadlineSource, ManyDeadlinesOneTimerThreadInOrder) {
  std::vector<coop::deadline_source> sources;
  std::vector<std::chrono::steady_clock::time_point> fired(50);
  std::vector<std::unique_ptr<coop::stop_callback<std::function<void()>>>> callbacks;
  const auto base = coop_test::clock::now() + 300ms;  // callbacks are registered well before the first one
  for (int i = 0; i < 50; ++i) sources.emplace_back(base + std::chrono::milliseconds((49 - i) * 2));
  for (int i = 0; i < 50; ++i)
    callbacks.push_back(std::make_unique<coop::stop_callback<std::function<void()>>>(
        sources[i].get_token(), [&fired, i] { fired[i] = std::chrono::steady_clock::now(); }));
  for (auto& s : sources) ASSERT_TRUE(wait_stopped(s.get_token(), 5));
  callbacks.clear();  // the callbacks ran on the timer thread; this orders their writes before our reads
  for (int i = 1; i < 50; ++i) EXPECT_LE(fired[i], fired[i - 1]) << i;  // later index = earlier deadline
  EXPECT_EQ(coop::detail::timer_threads_started(), 1u);
}

TEST(DeadlineSource, DrivesASleep) {
  coop::deadline_source d(30ms);
  const auto start = coop_test::clock::now();
  EXPECT_EQ(coop::sleep_for(d.get_token(), coop_test::long_timeout), coop::wait_status::stop_requested);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
}
