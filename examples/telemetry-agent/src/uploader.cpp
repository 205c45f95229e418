// Ships batches of telemetry to the backend from a background thread.
#include "agent.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <pthread.h>
#include <string>
#include <thread>

namespace {

std::mutex queue_mutex;
std::condition_variable queue_ready;
std::deque<std::string> pending;
pthread_t uploader_handle;

void upload(const std::string &batch) { (void)batch; /* HTTP POST */ }

std::string next_batch() {
  std::unique_lock<std::mutex> lock(queue_mutex);
  // Parks forever when the queue stays empty: nothing can wake it to stop.
  queue_ready.wait(lock, [] { return !pending.empty(); });
  std::string batch = std::move(pending.front());
  pending.pop_front();
  return batch;
}

void uploader_main() {
  while (true) {
    upload(next_batch());
  }
}

} // namespace

void enqueue_batch(std::string batch) {
  {
    std::lock_guard<std::mutex> lock(queue_mutex);
    pending.push_back(std::move(batch));
  }
  queue_ready.notify_one();
}

void start_uploader() {
  std::thread uploader(uploader_main);
  uploader_handle = uploader.native_handle();
  uploader.detach();
}

void stop_uploader() {
  // The uploader never returns, so shutdown kills it.
  pthread_cancel(uploader_handle);
}
