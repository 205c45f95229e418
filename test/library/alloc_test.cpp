// Allocation guarantees, checked with a counting global operator new (its own executable).
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <new>
#include <thread>

#include "coop/linked_stop_source.hpp"
#include "coop/stop_token.hpp"
#include "coop/wait.hpp"

namespace {
std::atomic<long> allocations{0};
std::atomic<long> bytes{0};

void* counted(std::size_t n, std::size_t align) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  bytes.fetch_add(static_cast<long>(n), std::memory_order_relaxed);
  void* p = align > alignof(std::max_align_t) ? std::aligned_alloc(align, (n + align - 1) / align * align)
                                              : std::malloc(n);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

struct counter {
  long allocs = allocations.load();
  long size = bytes.load();
  long new_allocs() const { return allocations.load() - allocs; }
  long new_bytes() const { return bytes.load() - size; }
};
}  // namespace

void* operator new(std::size_t n) { return counted(n, 0); }
void* operator new[](std::size_t n) { return counted(n, 0); }
void* operator new(std::size_t n, std::align_val_t a) { return counted(n, static_cast<std::size_t>(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted(n, static_cast<std::size_t>(a)); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

TEST(Allocations, StopStateIsOneAllocationOfTwoPrefetchBlocks) {
  counter c;
  coop::stop_source s;
  EXPECT_EQ(c.new_allocs(), 1);
  EXPECT_EQ(c.new_bytes(), 256);
}

TEST(Allocations, TokensAndCallbacksNeverAllocate) {
  coop::stop_source s;
  counter c;
  for (int i = 0; i < 100; ++i) {
    coop::stop_token t = s.get_token();
    coop::stop_token copy = t;
    coop::stop_callback cb(copy, [] {});
  }
  int runs = 0;
  coop::stop_callback a(s.get_token(), [&] { ++runs; });
  coop::stop_callback b(s.get_token(), [&] { ++runs; });
  s.request_stop();
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(c.new_allocs(), 0);
}

TEST(Allocations, LinkingTwoParentsAndWaitingDoNotAllocate) {
  coop::stop_source p1;
  coop::stop_source p2;
  std::mutex m;
  std::condition_variable cv;
  counter c;
  {
    std::unique_lock<std::mutex> lock(m);
    EXPECT_EQ(coop::wait_for(cv, lock, p1.get_token(), std::chrono::milliseconds(1), [] { return false; }),
              coop::wait_status::timeout);
  }
  EXPECT_EQ(c.new_allocs(), 0);
  counter c2;
  {
    coop::linked_stop_source child(p1.get_token(), p2.get_token());
    p2.request_stop();
    EXPECT_TRUE(child.stop_requested());
  }
  EXPECT_EQ(c2.new_allocs(), 1);  // the child's own stop state, nothing for the links
}
