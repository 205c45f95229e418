// The shared state behind stop_source / stop_token / stop_callback. Internal.
//
// Layout: the stop flag sits alone on the first cache line, so a thread polling
// stop_requested() never shares a line with the reference counts or the callback list
// that token copies and callback registration keep writing. x86 cores also prefetch
// cache lines in aligned 128-byte pairs (the L2 "adjacent line" prefetcher), and a
// counter on the flag's pair-neighbour still slows a poller down measurably (2x in
// bench/library with a thread copying tokens). So the state is aligned to 128 bytes,
// the flag's neighbour holds only what request_stop itself writes, and the counters
// start in the next 128-byte block. One heap object of 256 bytes (the last line is
// padding, so that whatever the allocator puts next is not the counters' neighbour).
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

#include "../stop_reason.hpp"
#include "config.hpp"

namespace coop::detail {

// Intrusive list node embedded in every callback object: registering never allocates.
struct callback_node {
  using invoke_fn = void (*)(callback_node*) noexcept;

  explicit callback_node(invoke_fn fn) noexcept : invoke(fn) {}
  callback_node(const callback_node&) = delete;
  callback_node& operator=(const callback_node&) = delete;

  invoke_fn invoke;
  callback_node* next = nullptr;
  callback_node** prev = nullptr;  // the pointer that points at us; null when not linked
  bool* destroyed = nullptr;       // set by request_stop while invoking us on its thread
  // 0: pending or running, 1: finished, 2: finished not yet, and a deregistering thread
  // sleeps on this word. Only the transition 2 -> 1 costs the requester a wake syscall.
  std::atomic<std::uint32_t> done{0};
};

enum class removal {
  removed,          // was still registered; unlinked, will never run
  finished,         // already ran to completion (or is running on this very thread)
  running_elsewhere // another thread is inside the callback right now
};

class alignas(prefetch_block) stop_state {
 public:
  // A new state owned by one stop_source. Inline, so that the compiler sees the result is
  // never null (operator new throws) and can hoist the null test of a fresh token's
  // stop_requested() out of a polling loop.
  static stop_state* create() { return new stop_state(); }

  // One acquire load: pairs with the release store in request_stop, so whatever the
  // requester wrote before asking to stop is visible to a thread that sees the flag.
  // (The flag is 0 or 1; "& 1" lets the compiler use the loaded word as the bool.)
  bool stop_requested() const noexcept { return (stopped_.load(std::memory_order_acquire) & 1U) != 0; }

  stop_reason reason() const noexcept {
    return stop_requested() ? static_cast<stop_reason>(reason_.load(std::memory_order_relaxed))
                            : stop_reason::none;
  }

  bool stop_possible() const noexcept {
    return stop_requested() || sources_.load(std::memory_order_relaxed) != 0;
  }

  // A new reference is always made from an existing one, so incrementing needs no
  // ordering (the shared_ptr argument).
  void add_ref() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  // acq_rel: every use of the state through this reference happens-before the
  // destruction performed by whichever thread drops the last one.
  void release() noexcept {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) on_last_release();
  }
  void add_source() noexcept {
    sources_.fetch_add(1, std::memory_order_relaxed);
    add_ref();
  }
  void release_source() noexcept {
    sources_.fetch_sub(1, std::memory_order_relaxed);
    release();
  }

  // True for exactly one caller. Runs the registered callbacks on the calling thread.
  bool request_stop(stop_reason why) noexcept;

  // Links `node` unless a stop was already requested (then returns false and does NOT
  // invoke it: the caller decides whether to run it inline).
  bool try_add(callback_node* node) noexcept;
  // Unlinks `node`; never blocks. On running_elsewhere the node must stay alive until
  // wait_until_done(node) returns.
  removal try_remove(callback_node* node) noexcept;
  // try_remove + wait: std::stop_callback destructor semantics.
  void remove(callback_node* node) noexcept {
    if (try_remove(node) == removal::running_elsewhere) wait_until_done(node);
  }
  static void wait_until_done(callback_node* node) noexcept;

  stop_state(const stop_state&) = delete;
  stop_state& operator=(const stop_state&) = delete;

 private:
  stop_state() = default;
  ~stop_state() = default;

  void lock() noexcept;
  void unlock() noexcept { lock_.store(0, std::memory_order_release); }
  void lock_contended() noexcept;
  void on_last_release() noexcept;

  // Cache line 0: written once, read by every poll.
  std::atomic<std::uint32_t> stopped_{0};
  std::atomic<std::uint32_t> reason_{0};

  // Cache line 1, the flag's prefetch neighbour: written only by request_stop (which
  // writes line 0 anyway), guarded by lock_.
  alignas(cache_line) callback_node* running_ = nullptr;  // the callback request_stop is invoking now
  std::thread::id requester_;                             // the thread running request_stop

  // Cache line 2 (next 128-byte block): everything that changes while the program runs.
  alignas(prefetch_block) std::atomic<std::uint32_t> refs_{1};  // tokens + sources (+ a requester in flight)
  std::atomic<std::uint32_t> sources_{1};
  std::atomic<std::uint32_t> lock_{0};  // spin lock over the fields below; held for a few instructions
  std::uint32_t callbacks_ = 0;         // registered and not yet deregistered; keeps the state alive
  bool orphaned_ = false;               // refs_ reached 0 while callbacks_ != 0
  callback_node* head_ = nullptr;
};

static_assert(sizeof(stop_state) == 2 * prefetch_block, "flag block, counter block");

}  // namespace coop::detail
