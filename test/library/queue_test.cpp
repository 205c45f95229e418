#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <numeric>
#include <thread>
#include <vector>

#include "coop/queue.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

TEST(BoundedQueue, FifoAndCapacity) {
  coop::bounded_queue<int> q(2);
  coop::stop_source s;
  EXPECT_EQ(q.capacity(), 2u);
  EXPECT_TRUE(q.push(1, s.get_token()));
  EXPECT_TRUE(q.try_push(2));
  EXPECT_FALSE(q.try_push(3));
  EXPECT_FALSE(q.push(3, s.get_token(), 10ms));  // full: times out
  EXPECT_EQ(q.size(), 2u);
  EXPECT_EQ(q.pop(s.get_token()), 1);
  EXPECT_EQ(q.try_pop(), 2);
  EXPECT_EQ(q.try_pop(), std::nullopt);
  EXPECT_EQ(q.pop(s.get_token(), 10ms), std::nullopt);  // empty: times out
  EXPECT_THROW(coop::bounded_queue<int>(0), std::invalid_argument);
}

TEST(BoundedQueue, StatusVariantsKeepTheValueOnFailure) {
  coop::bounded_queue<std::unique_ptr<int>> q(1);
  coop::stop_source s;
  auto a = std::make_unique<int>(1);
  EXPECT_EQ(q.wait_push(a, s.get_token()), coop::queue_status::ok);
  EXPECT_EQ(a, nullptr);
  auto b = std::make_unique<int>(2);
  EXPECT_EQ(q.wait_push(b, s.get_token(), 5ms), coop::queue_status::timeout);
  ASSERT_NE(b, nullptr);  // not consumed
  std::unique_ptr<int> out;
  EXPECT_EQ(q.wait_pop(out, s.get_token()), coop::queue_status::ok);
  EXPECT_EQ(*out, 1);
  EXPECT_EQ(q.wait_pop(out, s.get_token(), 5ms), coop::queue_status::timeout);
  s.request_stop();
  // Like std's stop-token waits, an operation that can proceed does, stopped or not;
  // only one that would have to block reports the stop.
  EXPECT_EQ(q.wait_pop(out, s.get_token()), coop::queue_status::stop_requested);  // empty
  EXPECT_EQ(q.wait_push(b, s.get_token()), coop::queue_status::ok);
  auto c = std::make_unique<int>(3);
  EXPECT_EQ(q.wait_push(c, s.get_token()), coop::queue_status::stop_requested);  // full
  EXPECT_NE(c, nullptr);
}

TEST(BoundedQueue, StopWakesBlockedPopAndPush) {
  coop::bounded_queue<int> q(1);
  coop::stop_source s;
  std::thread stopper([&] {
    std::this_thread::sleep_for(20ms);
    s.request_stop();
  });
  const auto start = coop_test::clock::now();
  EXPECT_EQ(q.pop(s.get_token(), coop_test::long_timeout), std::nullopt);
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  stopper.join();

  coop::stop_source s2;
  ASSERT_TRUE(q.try_push(1));
  std::thread stopper2([&] {
    std::this_thread::sleep_for(20ms);
    s2.request_stop();
  });
  EXPECT_FALSE(q.push(2, s2.get_token()));
  stopper2.join();
}

TEST(BoundedQueue, CloseWakesWaitersAndDrains) {
  coop::bounded_queue<int> q(4);
  coop::stop_source s;
  std::thread consumer([&] {
    int out = 0;
    EXPECT_EQ(q.wait_pop(out, s.get_token()), coop::queue_status::ok);
    EXPECT_EQ(out, 1);
    EXPECT_EQ(q.wait_pop(out, s.get_token()), coop::queue_status::ok);
    EXPECT_EQ(q.wait_pop(out, s.get_token()), coop::queue_status::closed);
  });
  q.push(1, s.get_token());
  q.push(2, s.get_token());
  q.close();
  EXPECT_TRUE(q.closed());
  EXPECT_FALSE(q.push(3, s.get_token()));
  consumer.join();
  int v = 0;
  EXPECT_EQ(q.wait_push(v, s.get_token()), coop::queue_status::closed);
}

TEST(BoundedQueue, CloseWakesABlockedPusher) {
  coop::bounded_queue<int> q(1);
  coop::stop_source s;
  q.try_push(0);
  std::thread closer([&] {
    std::this_thread::sleep_for(20ms);
    q.close();
  });
  int v = 1;
  EXPECT_EQ(q.wait_push(v, s.get_token()), coop::queue_status::closed);
  closer.join();
}

TEST(BoundedQueueStress, ProducersConsumersThenStop) {
  const int per_producer = coop_test::iterations(2000);
  coop::bounded_queue<int> q(8);
  coop::stop_source s;
  std::atomic<long> consumed_sum{0};
  std::atomic<int> consumed{0};
  std::vector<std::thread> threads;
  for (int p = 0; p < 2; ++p)
    threads.emplace_back([&] {
      for (int i = 1; i <= per_producer; ++i) ASSERT_TRUE(q.push(i, s.get_token()));
    });
  std::vector<std::thread> consumers;
  for (int c = 0; c < 2; ++c)
    consumers.emplace_back([&] {
      while (auto v = q.pop(s.get_token())) {
        consumed_sum += *v;
        consumed++;
      }
    });
  for (auto& t : threads) t.join();
  while (consumed.load() < 2 * per_producer) std::this_thread::yield();
  s.request_stop();  // consumers are blocked on an empty queue: the stop must release them
  for (auto& t : consumers) t.join();
  EXPECT_EQ(consumed_sum.load(), 2L * per_producer * (per_producer + 1) / 2);
}
