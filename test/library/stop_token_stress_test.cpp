// Races of request_stop against callback registration, deregistration, token copies and
// concurrent requesters. Run under TSan/ASan: they catch what the assertions cannot
// (a destructor returning while its callback still runs is a use-after-scope).
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "coop/stop_token.hpp"
#include "test_support.hpp"

namespace {

// Start two actions at (almost) the same time.
template <class A, class B>
void race(A&& a, B&& b) {
  std::atomic<int> ready{0};
  std::thread t([&] {
    ready.fetch_add(1);
    while (ready.load() < 2) std::this_thread::yield();
    b();
  });
  ready.fetch_add(1);
  while (ready.load() < 2) std::this_thread::yield();
  a();
  t.join();
}

}  // namespace

TEST(StopTokenStress, RequestStopVersusRegistration) {
  const int n = coop_test::iterations(2000);
  for (int i = 0; i < n; ++i) {
    coop::stop_source s;
    std::atomic<int> runs{0};
    std::atomic<int> runs_at_destruction{-1};
    race([&] { s.request_stop(); },
         [&] {
           coop::stop_callback cb(s.get_token(), [&] { runs.fetch_add(1); });
           // The callback either ran inline, runs on the requester, or is still linked.
           // Keep it registered until the requester must have drained the list.
           while (!s.stop_requested()) std::this_thread::yield();
           while (runs.load() == 0) std::this_thread::yield();  // the requester drains the list after the flag
           runs_at_destruction = runs.load();
         });
    ASSERT_EQ(runs.load(), 1) << "iteration " << i;
    ASSERT_EQ(runs_at_destruction.load(), 1);
  }
}

TEST(StopTokenStress, RequestStopVersusDeregistration) {
  const int n = coop_test::iterations(2000);
  for (int i = 0; i < n; ++i) {
    coop::stop_source s;
    auto alive = std::make_unique<int>(1);
    std::atomic<int> runs{0};
    auto cb = std::make_unique<coop::stop_callback<std::function<void()>>>(s.get_token(), [&] {
      // Touches memory the destroying thread frees right after ~stop_callback returns.
      runs.fetch_add(*alive);
    });
    race([&] { s.request_stop(); },
         [&] {
           cb.reset();
           alive.reset();  // ASan: use-after-free if the callback were still running
         });
    ASSERT_LE(runs.load(), 1);
  }
}

TEST(StopTokenStress, ConcurrentRequestersExactlyOneWins) {
  const int n = coop_test::iterations(1000);
  for (int i = 0; i < n; ++i) {
    coop::stop_source s;
    std::atomic<int> winners{0};
    std::atomic<int> runs{0};
    coop::stop_callback cb(s.get_token(), [&] { runs.fetch_add(1); });
    race([&] { winners += s.request_stop() ? 1 : 0; }, [&] { winners += s.request_stop() ? 1 : 0; });
    ASSERT_EQ(winners.load(), 1);
    ASSERT_EQ(runs.load(), 1);
  }
}

TEST(StopTokenStress, TokenCopiesVersusLastSourceRelease) {
  const int n = coop_test::iterations(2000);
  for (int i = 0; i < n; ++i) {
    auto s = std::make_unique<coop::stop_source>();
    coop::stop_token t = s->get_token();
    race([&] { s.reset(); },
         [&] {
           for (int k = 0; k < 8; ++k) {
             coop::stop_token copy = t;
             (void)copy.stop_requested();
           }
         });
    ASSERT_FALSE(t.stop_possible());
  }
}

TEST(StopTokenStress, ManyCallbacksManyThreads) {
  const int rounds = coop_test::iterations(200);
  for (int r = 0; r < rounds; ++r) {
    coop::stop_source s;
    std::atomic<int> runs{0};
    std::atomic<int> registered{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
      threads.emplace_back([&] {
        for (int k = 0; k < 20; ++k) {
          coop::stop_callback cb(s.get_token(), [&] { runs.fetch_add(1); });
          registered.fetch_add(1);
        }
      });
    }
    s.request_stop();
    for (auto& t : threads) t.join();
    ASSERT_LE(runs.load(), registered.load());
  }
}
