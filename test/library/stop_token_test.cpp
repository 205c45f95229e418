// std::stop_token semantics of coop::stop_source / stop_token / stop_callback.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>

#include "coop/stop_token.hpp"

using namespace std::chrono_literals;

TEST(StopToken, DefaultTokenCanNeverStop) {
  coop::stop_token t;
  EXPECT_FALSE(t.stop_possible());
  EXPECT_FALSE(t.stop_requested());
  EXPECT_EQ(t.reason(), coop::stop_reason::none);
  EXPECT_EQ(t, coop::stop_token());
}

TEST(StopToken, RequestStopReturnsTrueExactlyOnce) {
  coop::stop_source s;
  coop::stop_token t = s.get_token();
  EXPECT_TRUE(s.stop_possible());
  EXPECT_TRUE(t.stop_possible());
  EXPECT_FALSE(t.stop_requested());
  EXPECT_TRUE(s.request_stop());
  EXPECT_FALSE(s.request_stop());
  EXPECT_FALSE(coop::stop_source(s).request_stop());
  EXPECT_TRUE(t.stop_requested());
  EXPECT_TRUE(s.stop_requested());
  EXPECT_EQ(t.reason(), coop::stop_reason::requested);
}

TEST(StopToken, ReasonIsRecordedByTheWinningRequest) {
  coop::stop_source s;
  const auto custom = static_cast<coop::stop_reason>(static_cast<std::uint32_t>(coop::stop_reason::user) + 7);
  EXPECT_EQ(s.get_token().reason(), coop::stop_reason::none);
  EXPECT_TRUE(s.request_stop(custom));
  EXPECT_FALSE(s.request_stop(coop::stop_reason::shutdown));
  EXPECT_EQ(s.get_token().reason(), custom);
  EXPECT_EQ(s.reason(), custom);
}

TEST(StopToken, NoStopStateSource) {
  coop::stop_source s(coop::nostopstate);
  EXPECT_FALSE(s.stop_possible());
  EXPECT_FALSE(s.request_stop());
  EXPECT_FALSE(s.get_token().stop_possible());
  EXPECT_EQ(s, coop::stop_source(coop::nostopstate));
}

TEST(StopToken, StopPossibleFollowsSources) {
  coop::stop_token t;
  {
    coop::stop_source s;
    t = s.get_token();
    EXPECT_TRUE(t.stop_possible());
  }
  EXPECT_FALSE(t.stop_possible());  // no source left, never stopped
  EXPECT_FALSE(t.stop_requested());

  coop::stop_token stopped;
  {
    coop::stop_source s;
    stopped = s.get_token();
    s.request_stop();
  }
  EXPECT_TRUE(stopped.stop_possible());  // stopped stays stopped
  EXPECT_TRUE(stopped.stop_requested());
}

TEST(StopToken, CopyMoveSwapAndEquality) {
  coop::stop_source a;
  coop::stop_source b;
  coop::stop_token ta = a.get_token();
  coop::stop_token tb = b.get_token();
  EXPECT_NE(ta, tb);
  EXPECT_EQ(ta, a.get_token());
  coop::stop_token moved = std::move(ta);
  EXPECT_FALSE(ta.stop_possible());  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_EQ(moved, a.get_token());
  swap(moved, tb);
  EXPECT_EQ(moved, b.get_token());
  EXPECT_EQ(tb, a.get_token());
  coop::stop_source a2 = a;
  EXPECT_EQ(a2, a);
  const coop::stop_source b_copy = b;
  a2.swap(b);
  EXPECT_EQ(a2, b_copy);
  EXPECT_EQ(b, a);
  coop::stop_source moved_source = std::move(a2);
  EXPECT_FALSE(a2.stop_possible());  // NOLINT(bugprone-use-after-move)
  moved_source.request_stop();
  EXPECT_TRUE(b_copy.stop_requested());
  EXPECT_FALSE(a.stop_requested());
}

TEST(StopCallback, RunsOnTheRequestingThread) {
  coop::stop_source s;
  std::thread::id ran_on;
  int runs = 0;
  coop::stop_callback cb(s.get_token(), [&] {
    ran_on = std::this_thread::get_id();
    ++runs;
  });
  EXPECT_EQ(runs, 0);
  std::thread requester([&] { s.request_stop(); });
  const auto requester_id = requester.get_id();
  requester.join();
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(ran_on, requester_id);
  s.request_stop();
  EXPECT_EQ(runs, 1);
}

TEST(StopCallback, RunsInlineWhenAlreadyStopped) {
  coop::stop_source s;
  s.request_stop();
  int runs = 0;
  coop::stop_callback cb(s.get_token(), [&] { ++runs; });
  EXPECT_EQ(runs, 1);
}

TEST(StopCallback, NeverRunsOnATokenWithoutState) {
  int runs = 0;
  coop::stop_callback cb(coop::stop_token(), [&] { ++runs; });
  EXPECT_EQ(runs, 0);
}

TEST(StopCallback, DeregisteredCallbackDoesNotRun) {
  coop::stop_source s;
  int runs = 0;
  { coop::stop_callback cb(s.get_token(), [&] { ++runs; }); }
  s.request_stop();
  EXPECT_EQ(runs, 0);
}

TEST(StopCallback, AllCallbacksRunOnce) {
  coop::stop_source s;
  int runs[5] = {};
  std::optional<coop::stop_callback<std::function<void()>>> cbs[5];
  for (int i = 0; i < 5; ++i) cbs[i].emplace(s.get_token(), [&runs, i] { ++runs[i]; });
  cbs[2].reset();
  s.request_stop();
  s.request_stop();
  EXPECT_EQ(runs[0], 1);
  EXPECT_EQ(runs[1], 1);
  EXPECT_EQ(runs[2], 0);
  EXPECT_EQ(runs[3], 1);
  EXPECT_EQ(runs[4], 1);
}

TEST(StopCallback, RvalueTokenConstructor) {
  coop::stop_source s;
  int runs = 0;
  coop::stop_callback cb(s.get_token(), [&] { ++runs; });  // temporary token
  s.request_stop();
  EXPECT_EQ(runs, 1);
}

TEST(StopCallback, DestroyingItselfFromInsideDoesNotDeadlock) {
  coop::stop_source s;
  struct holder {
    std::unique_ptr<coop::stop_callback<std::function<void()>>> cb;
  } h;
  int runs = 0;
  h.cb = std::make_unique<coop::stop_callback<std::function<void()>>>(s.get_token(), [&] {
    ++runs;
    h.cb.reset();  // ~stop_callback from inside its own invocation
  });
  EXPECT_TRUE(s.request_stop());
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(h.cb, nullptr);
}

TEST(StopCallback, CallbackMayDestroyAnotherPendingCallback) {
  coop::stop_source s;
  int second_runs = 0;
  auto second = std::make_unique<coop::stop_callback<std::function<void()>>>(s.get_token(), [&] { ++second_runs; });
  // Registered last, so it runs first (LIFO); it removes `second` before its turn.
  coop::stop_callback first(s.get_token(), [&] { second.reset(); });
  s.request_stop();
  EXPECT_EQ(second, nullptr);
  EXPECT_EQ(second_runs, 0);
}

TEST(StopCallback, RequestStopFromInsideACallbackReturnsFalse) {
  coop::stop_source s;
  bool inner = true;
  coop::stop_callback cb(s.get_token(), [&] { inner = s.request_stop(); });
  EXPECT_TRUE(s.request_stop());
  EXPECT_FALSE(inner);
}

TEST(StopCallback, RegisteringFromInsideACallbackRunsInline) {
  coop::stop_source s;
  int nested_runs = 0;
  std::optional<coop::stop_callback<std::function<void()>>> nested;
  coop::stop_callback cb(s.get_token(), [&] { nested.emplace(s.get_token(), [&] { ++nested_runs; }); });
  s.request_stop();
  EXPECT_EQ(nested_runs, 1);
}

TEST(StopCallback, DestructorWaitsForACallbackRunningElsewhere) {
  coop::stop_source s;
  std::atomic<bool> started{false};
  std::atomic<bool> finished{false};
  auto cb = std::make_unique<coop::stop_callback<std::function<void()>>>(s.get_token(), [&] {
    started = true;
    std::this_thread::sleep_for(100ms);
    finished = true;
  });
  std::thread requester([&] { s.request_stop(); });
  while (!started) std::this_thread::yield();
  cb.reset();  // must block until the callback returned
  EXPECT_TRUE(finished);
  requester.join();
}

TEST(StopCallback, StateOutlivesSourcesWhileACallbackIsRegistered) {
  int runs = 0;
  std::unique_ptr<coop::stop_callback<std::function<void()>>> cb;
  {
    coop::stop_source s;
    cb = std::make_unique<coop::stop_callback<std::function<void()>>>(s.get_token(), [&] { ++runs; });
  }  // last source and token gone: the state must stay until the callback is gone
  cb.reset();
  EXPECT_EQ(runs, 0);

  {
    coop::stop_source s;
    cb = std::make_unique<coop::stop_callback<std::function<void()>>>(s.get_token(), [&] { ++runs; });
    s.request_stop();
  }  // ran, then the source went away
  EXPECT_EQ(runs, 1);
  cb.reset();
}

TEST(StopCallback, CallbackCanDestroyTheLastSource) {
  auto s = std::make_unique<coop::stop_source>();
  coop::stop_source* raw = s.get();
  bool ran = false;
  coop::stop_callback cb(s->get_token(), [&] {
    ran = true;
    s.reset();  // the requesting source itself
  });
  raw->request_stop();  // NOLINT: the state is kept alive by request_stop itself
  EXPECT_TRUE(ran);
}

TEST(StopToken, StopFlagIsAloneOnItsCacheLine) {
  EXPECT_EQ(sizeof(coop::detail::stop_state), 2 * coop::detail::prefetch_block);
  EXPECT_EQ(alignof(coop::detail::stop_state), coop::detail::prefetch_block);
  coop::stop_source s;
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(coop::detail::token_access::state(s)) % 128, 0u);
  EXPECT_EQ(sizeof(coop::stop_token), sizeof(void*));
  EXPECT_EQ(sizeof(coop::stop_source), sizeof(void*));
}
