#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

#include "coop/deadline.hpp"
#include "coop/linked_stop_source.hpp"
#include "test_support.hpp"

TEST(LinkedStopSource, StopsWhenTheParentStops) {
  coop::stop_source parent;
  coop::linked_stop_source child(parent.get_token());
  EXPECT_FALSE(child.stop_requested());
  parent.request_stop(coop::stop_reason::shutdown);
  EXPECT_TRUE(child.stop_requested());
  EXPECT_TRUE(child.get_token().stop_requested());
  EXPECT_EQ(child.reason(), coop::stop_reason::shutdown);  // takes the parent's reason
}

TEST(LinkedStopSource, StopsWhenAnyOfSeveralParentsStops) {
  for (int which = 0; which < 4; ++which) {
    coop::stop_source parents[4];
    coop::linked_stop_source child(parents[0].get_token(), parents[1].get_token(), parents[2].get_token(),
                                   parents[3].get_token());  // two inline links, two on the heap
    parents[which].request_stop();
    EXPECT_TRUE(child.stop_requested()) << which;
    for (int other = 0; other < 4; ++other) {
      if (other != which) {
        EXPECT_FALSE(parents[other].stop_requested());
      }
    }
  }
}

TEST(LinkedStopSource, AlreadyStoppedParentStopsTheChildAtOnce) {
  coop::stop_source parent;
  parent.request_stop();
  coop::linked_stop_source child(parent.get_token());
  EXPECT_TRUE(child.stop_requested());
}

TEST(LinkedStopSource, ChildStopDoesNotStopTheParent) {
  coop::stop_source parent;
  coop::linked_stop_source child(parent.get_token());
  EXPECT_TRUE(child.request_stop());
  EXPECT_FALSE(parent.stop_requested());
}

TEST(LinkedStopSource, DestroyedChildIsUnlinked) {
  coop::stop_source parent;
  coop::stop_token child_token;
  {
    coop::linked_stop_source child(parent.get_token());
    child_token = child.get_token();
  }
  parent.request_stop();  // ASan: the link must be gone
  EXPECT_FALSE(child_token.stop_requested());
  EXPECT_FALSE(child_token.stop_possible());
}

TEST(LinkedStopSource, TokensWithoutStateAndLateLinks) {
  coop::stop_source parent;
  coop::linked_stop_source child(coop::stop_token{});
  child.link(parent.get_token());
  parent.request_stop();
  EXPECT_TRUE(child.stop_requested());
}

TEST(LinkedStopSource, ChainOfChildren) {
  coop::stop_source root;
  coop::linked_stop_source a(root.get_token());
  coop::linked_stop_source b(a.get_token());
  coop::linked_stop_source c(b.get_token());
  root.request_stop();
  EXPECT_TRUE(c.stop_requested());
}

TEST(LinkedStopSource, CombinesWithADeadline) {
  coop::stop_source shutdown;
  coop::deadline_source deadline(std::chrono::milliseconds(20));
  coop::linked_stop_source request(shutdown.get_token(), deadline.get_token());
  const auto start = coop_test::clock::now();
  while (!request.stop_requested() && coop_test::seconds_since(start) < 5) std::this_thread::yield();
  EXPECT_TRUE(request.stop_requested());
  EXPECT_EQ(request.reason(), coop::stop_reason::deadline);
}

TEST(LinkedStopSourceStress, LinkingVersusParentStop) {
  const int n = coop_test::iterations(2000);
  for (int i = 0; i < n; ++i) {
    coop::stop_source parent;
    std::atomic<bool> go{false};
    std::thread stopper([&] {
      while (!go.load()) std::this_thread::yield();
      parent.request_stop();
    });
    go = true;
    {
      coop::linked_stop_source child(parent.get_token());
      while (!parent.stop_requested()) std::this_thread::yield();
      // Linked before or after the stop: the child must end up stopped once the
      // parent's request_stop has finished with it.
      stopper.join();
      ASSERT_TRUE(child.stop_requested()) << "iteration " << i;
    }
  }
}

TEST(LinkedStopSourceStress, ChildDestructionVersusParentStop) {
  const int n = coop_test::iterations(2000);
  for (int i = 0; i < n; ++i) {
    coop::stop_source parent;
    auto child = std::make_unique<coop::linked_stop_source>(parent.get_token());
    std::atomic<bool> go{false};
    std::thread stopper([&] {
      while (!go.load()) std::this_thread::yield();
      parent.request_stop();
    });
    go = true;
    child.reset();  // waits if the parent is stopping it right now
    stopper.join();
  }
}
