#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "coop/jthread.hpp"
#include "coop/sleep.hpp"
#include "test_support.hpp"

using namespace std::chrono_literals;

TEST(JThread, PassesTheTokenWhenTheCallableTakesOne) {
  std::atomic<bool> saw_stop{false};
  {
    coop::jthread t([&](coop::stop_token token) {
      while (!token.stop_requested()) std::this_thread::sleep_for(1ms);
      saw_stop = true;
    });
  }  // destructor: request_stop + join
  EXPECT_TRUE(saw_stop);
}

TEST(JThread, PassesArgumentsLikeStdThread) {
  int out = 0;
  std::string s;
  {
    coop::jthread t([&](coop::stop_token, int a, std::string b) {
      out = a;
      s = b;
    }, 42, std::string("hi"));
  }
  EXPECT_EQ(out, 42);
  EXPECT_EQ(s, "hi");
  {
    coop::jthread t([&](int a) { out = a; }, 7);  // no token parameter
  }
  EXPECT_EQ(out, 7);
}

TEST(JThread, StopAndJoinReportsWhetherTheThreadFinished) {
  coop::jthread cooperative([](coop::stop_token t) { coop::sleep_for(t, coop_test::long_timeout); });
  const auto start = coop_test::clock::now();
  EXPECT_TRUE(cooperative.stop_and_join(5s));
  EXPECT_LT(coop_test::seconds_since(start), coop_test::prompt_seconds);
  EXPECT_FALSE(cooperative.joinable());

  std::atomic<bool> release{false};
  coop::jthread stubborn([&] {
    while (!release) std::this_thread::sleep_for(1ms);
  });
  EXPECT_FALSE(stubborn.stop_and_join(20ms));
  EXPECT_TRUE(stubborn.joinable());
  EXPECT_TRUE(stubborn.get_stop_token().stop_requested());
  release = true;
  EXPECT_TRUE(stubborn.try_join_for(5s));
  EXPECT_FALSE(stubborn.joinable());
  EXPECT_TRUE(stubborn.stop_and_join(0ms));  // nothing left to join
}

TEST(JThread, DefaultConstructedAndMoved) {
  coop::jthread empty;
  EXPECT_FALSE(empty.joinable());
  EXPECT_FALSE(empty.get_stop_token().stop_possible());
  EXPECT_TRUE(empty.stop_and_join(0ms));

  std::atomic<int> stopped{0};
  coop::jthread a([&](coop::stop_token t) {
    while (!t.stop_requested()) std::this_thread::sleep_for(1ms);
    stopped++;
  });
  coop::jthread b(std::move(a));
  EXPECT_FALSE(a.joinable());  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(b.joinable());
  b = coop::jthread([&](coop::stop_token t) {  // stops and joins the old thread first
    while (!t.stop_requested()) std::this_thread::sleep_for(1ms);
    stopped++;
  });
  EXPECT_EQ(stopped.load(), 1);
  b.request_stop();
  b.join();
  EXPECT_EQ(stopped.load(), 2);
}

TEST(JThread, Detach) {
  std::atomic<bool> done{false};
  coop::jthread t([&] { done = true; });
  auto source = t.get_stop_source();
  t.detach();
  EXPECT_FALSE(t.joinable());
  while (!done) std::this_thread::yield();
}

TEST(JThread, JoiningItselfThrows) {
  std::atomic<bool> threw{false};
  coop::jthread* self = nullptr;
  std::atomic<bool> ready{false};
  coop::jthread t([&] {
    while (!ready) std::this_thread::yield();
    try {
      self->stop_and_join(0ms);
    } catch (const std::system_error&) {
      threw = true;
    }
  });
  self = &t;
  ready = true;
  t.join();
  EXPECT_TRUE(threw);
}
