// Corpus TU: the C++17 standard library with the pre-C++20 thread idioms
// (std::thread + flags, condition_variable, future), as most code still is.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <functional>
#include <future>
#include <iostream>
#include <memory>
#include <mutex>
#include <queue>
#include <shared_mutex>
#include <thread>
#include <vector>

void coop_corpus_stdlib17() {
  std::atomic<bool> stop{false};
  std::mutex m;
  std::condition_variable cv;
  std::thread worker([&] {
    std::unique_lock<std::mutex> lock(m);
    while (!stop.load())
      cv.wait_for(lock, std::chrono::milliseconds(100));
  });
  stop = true;
  cv.notify_all();
  worker.join();
  std::packaged_task<int()> task([] { return 1; });
  auto future = task.get_future();
  std::thread(std::move(task)).join();
  (void)future.get();
}
