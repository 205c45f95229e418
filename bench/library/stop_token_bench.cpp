// coop vs libstdc++ (std::stop_source / stop_token / stop_callback / condition_variable_any).
// Every benchmark exists in a Coop and a Std flavour with the same body; bench/library/run.sh
// turns the pairs into coop/std ratios.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <new>
#include <optional>
#include <stop_token>
#include <thread>
#include <vector>

#include "coop/stop_token.hpp"
#include "coop/wait.hpp"

// ---- allocation counting (only while `counting` is set) ------------------------------------
namespace {
std::atomic<bool> counting{false};
std::atomic<long> counted_allocations{0};
std::atomic<long> counted_bytes{0};

void* allocate(std::size_t n, std::size_t align) {
  if (counting.load(std::memory_order_relaxed)) {
    counted_allocations.fetch_add(1, std::memory_order_relaxed);
    counted_bytes.fetch_add(static_cast<long>(n), std::memory_order_relaxed);
  }
  void* p = align > alignof(std::max_align_t) ? std::aligned_alloc(align, (n + align - 1) / align * align)
                                              : std::malloc(n);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
}  // namespace

void* operator new(std::size_t n) { return allocate(n, 0); }
void* operator new[](std::size_t n) { return allocate(n, 0); }
void* operator new(std::size_t n, std::align_val_t a) { return allocate(n, static_cast<std::size_t>(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return allocate(n, static_cast<std::size_t>(a)); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

namespace {

struct Coop {
  using source = coop::stop_source;
  using token = coop::stop_token;
  template <class F>
  using callback = coop::stop_callback<F>;
};
struct Std {
  using source = std::stop_source;
  using token = std::stop_token;
  template <class F>
  using callback = std::stop_callback<F>;
};

struct count_call {
  int* counter;
  void operator()() const noexcept { ++*counter; }
};

// ---- polling ---------------------------------------------------------------------------------

void BM_RawAtomicLoadAcquire(benchmark::State& state) {
  std::atomic<bool> flag{false};
  for (auto _ : state) benchmark::DoNotOptimize(flag.load(std::memory_order_acquire));
}
BENCHMARK(BM_RawAtomicLoadAcquire);

template <class L>
void BM_StopRequested(benchmark::State& state) {
  typename L::source source;
  typename L::token token = source.get_token();
  for (auto _ : state) benchmark::DoNotOptimize(token.stop_requested());
}
BENCHMARK_TEMPLATE(BM_StopRequested, Coop);
BENCHMARK_TEMPLATE(BM_StopRequested, Std);

// Another thread keeps copying and destroying tokens of the same state (reference count
// traffic) while this one polls: the flag must not share a cache line with the count.
template <class L>
void BM_StopRequestedWhileCopying(benchmark::State& state) {
  typename L::source source;
  // On a line of its own: the flags below are written by the other thread.
  alignas(128) typename L::token token = source.get_token();
  std::atomic<bool> done{false};
  std::atomic<bool> copying{false};
  std::atomic<long> copies{0};
  std::thread copier([&] {
    copying = true;
    long n = 0;
    while (!done.load(std::memory_order_relaxed)) {
      typename L::token copy = token;
      benchmark::DoNotOptimize(copy);
      ++n;
    }
    copies = n;
  });
  while (!copying) std::this_thread::yield();
  for (auto _ : state) benchmark::DoNotOptimize(token.stop_requested());
  done = true;
  copier.join();
  // How much the other thread got done meanwhile: a poller can look fast because the
  // copier was held back (e.g. by sharing its cache line), so report both sides.
  state.counters["copies_per_poll"] = static_cast<double>(copies.load()) / static_cast<double>(state.iterations());
}
BENCHMARK_TEMPLATE(BM_StopRequestedWhileCopying, Coop)->UseRealTime();
BENCHMARK_TEMPLATE(BM_StopRequestedWhileCopying, Std)->UseRealTime();

template <class L>
void BM_TokenCopy(benchmark::State& state) {
  typename L::source source;
  typename L::token token = source.get_token();
  for (auto _ : state) {
    typename L::token copy = token;
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK_TEMPLATE(BM_TokenCopy, Coop);
BENCHMARK_TEMPLATE(BM_TokenCopy, Std);

// ---- callbacks -------------------------------------------------------------------------------

template <class L>
void BM_CallbackRegisterDeregister(benchmark::State& state) {
  typename L::source source;
  typename L::token token = source.get_token();
  int counter = 0;
  for (auto _ : state) {
    typename L::template callback<count_call> cb(token, count_call{&counter});
    benchmark::DoNotOptimize(&cb);
  }
  benchmark::DoNotOptimize(counter);
}
BENCHMARK_TEMPLATE(BM_CallbackRegisterDeregister, Coop);
BENCHMARK_TEMPLATE(BM_CallbackRegisterDeregister, Std);

// request_stop with N callbacks registered, timed per callback. Batches of sources so
// that every measurement covers ~1000 callbacks whatever N is.
template <class L>
void BM_RequestStopPerCallback(benchmark::State& state) {
  const auto per_source = static_cast<std::size_t>(state.range(0));
  const std::size_t sources = std::max<std::size_t>(1, 1000 / per_source);
  using callback = typename L::template callback<count_call>;
  int counter = 0;
  double seconds = 0;
  double callbacks = 0;
  for (auto _ : state) {
    std::vector<typename L::source> srcs(sources);
    std::vector<std::optional<callback>> cbs(sources * per_source);
    for (std::size_t s = 0; s < sources; ++s)
      for (std::size_t c = 0; c < per_source; ++c) cbs[s * per_source + c].emplace(srcs[s].get_token(), count_call{&counter});
    const auto start = std::chrono::steady_clock::now();
    for (auto& s : srcs) s.request_stop();
    const auto end = std::chrono::steady_clock::now();
    const double t = std::chrono::duration<double>(end - start).count();
    state.SetIterationTime(t);
    seconds += t;
    callbacks += static_cast<double>(sources * per_source);
  }
  benchmark::DoNotOptimize(counter);
  state.counters["ns_per_callback"] = seconds * 1e9 / callbacks;
}
BENCHMARK_TEMPLATE(BM_RequestStopPerCallback, Coop)->Arg(1)->Arg(1000)->UseManualTime();
BENCHMARK_TEMPLATE(BM_RequestStopPerCallback, Std)->Arg(1)->Arg(1000)->UseManualTime();

// ---- stop-to-wake latency of a blocked condition_variable_any wait ----------------------------

template <class L>
bool wait_until_stopped(std::condition_variable_any& cv, std::unique_lock<std::mutex>& lock,
                        const typename L::token& token) {
  if constexpr (std::is_same_v<L, Coop>) {
    return coop::wait(cv, lock, token, [] { return false; }) == coop::wait_status::stop_requested;
  } else {
    return !cv.wait(lock, token, [] { return false; });
  }
}

// One round: a waiter blocks in the wait, the main thread requests the stop; returns the
// microseconds from just before request_stop to just after the wait returned.
template <class L>
double stop_to_wake_us() {
  std::mutex m;
  std::condition_variable_any cv;
  typename L::source source;
  std::atomic<bool> entered{false};
  std::atomic<std::chrono::steady_clock::time_point::rep> woke_at{0};
  std::thread waiter([&] {
    std::unique_lock<std::mutex> lock(m);
    entered = true;
    const bool stopped = wait_until_stopped<L>(cv, lock, source.get_token());
    woke_at = std::chrono::steady_clock::now().time_since_epoch().count();
    if (!stopped) std::abort();
  });
  while (!entered) std::this_thread::yield();
  { std::lock_guard<std::mutex> g(m); }  // the waiter released m: it is inside the wait
  std::this_thread::sleep_for(std::chrono::microseconds(50));  // ...and asleep in the kernel
  const auto t0 = std::chrono::steady_clock::now().time_since_epoch().count();
  source.request_stop();
  waiter.join();
  return static_cast<double>(woke_at.load() - t0) / 1000.0;
}

// coop and std rounds alternate, so both see the same background load.
void BM_StopToWakeLatency(benchmark::State& state) {
  constexpr int rounds = 2000;
  std::vector<double> coop_us;
  std::vector<double> std_us;
  for (auto _ : state) {
    for (int i = 0; i < rounds; ++i) {
      coop_us.push_back(stop_to_wake_us<Coop>());
      std_us.push_back(stop_to_wake_us<Std>());
    }
    state.SetIterationTime(1);
  }
  auto percentile = [](std::vector<double>& v, int p) {
    std::sort(v.begin(), v.end());
    return v[v.size() * static_cast<std::size_t>(p) / 100];
  };
  state.counters["coop_median_us"] = percentile(coop_us, 50);
  state.counters["std_median_us"] = percentile(std_us, 50);
  state.counters["coop_p99_us"] = percentile(coop_us, 99);
  state.counters["std_p99_us"] = percentile(std_us, 99);
}
BENCHMARK(BM_StopToWakeLatency)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

// ---- memory per stop state -----------------------------------------------------------------

template <class L>
void BM_StopStateMemory(benchmark::State& state) {
  long allocations = 0;
  long bytes = 0;
  for (auto _ : state) {
    counted_allocations = 0;
    counted_bytes = 0;
    counting = true;
    typename L::source source;
    counting = false;
    allocations = counted_allocations.load();
    bytes = counted_bytes.load();
    benchmark::DoNotOptimize(source);
  }
  state.counters["heap_bytes"] = static_cast<double>(bytes);
  state.counters["allocations"] = static_cast<double>(allocations);
  state.counters["sizeof_source"] = sizeof(typename L::source);
  state.counters["sizeof_token"] = sizeof(typename L::token);
  state.counters["sizeof_callback"] = sizeof(typename L::template callback<count_call>);
}
BENCHMARK_TEMPLATE(BM_StopStateMemory, Coop)->Iterations(1);
BENCHMARK_TEMPLATE(BM_StopStateMemory, Std)->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
  // libstdc++ only makes its per-callback futex calls once the process has ever created a
  // thread (__gthread_active_p); create one so both libraries run their threaded paths.
  std::thread([] {}).join();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
