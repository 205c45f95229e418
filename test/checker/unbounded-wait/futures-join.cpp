// Futures and joins. A join is only a hazard inside a worker (joining from
// the thread that started a worker is how programs end threads), also with
// CheckAllFunctions; futures are reported everywhere with it.
// RUN: %check_coop %s coop-unbounded-wait %t -- -- -std=c++17 -I %coop_include
// RUN: %check_coop -check-suffix=ALL %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.CheckAllFunctions: true}}" \
// RUN:   -- -std=c++17 -I %coop_include
#include <chrono>
#include <future>
#include <pthread.h>
#include <thread>
#include <coop/stop_token.hpp>

int compute();
void *child_main(void *);

void worker(coop::stop_token tok, std::future<int> fut, std::shared_future<int> shared) {
  // No fix: coop::wait(fut, tok) returns without the value on a stop, and
  // the code after get() needs the value.
  int a = fut.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::future::get' waits for the result with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::wait(future, token), then get() only when it returned coop::wait_status::ready [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE+36]]:15: note: this code runs on the thread that 'std::thread' starts here
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:15: warning: 'std::future::get' waits for the result
  // CHECK-MESSAGES-ALL: :[[@LINE+34]]:15: note: this code runs on the thread that 'std::thread' starts here
  shared.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::shared_future::wait' waits for the result with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::wait(future, token), and get() only when it returned coop::wait_status::ready [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE+31]]:15: note: this code runs on the thread
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:10: warning: 'std::shared_future::wait' waits for the result
  // CHECK-MESSAGES-ALL: :[[@LINE+29]]:15: note: this code runs on the thread
  int b = shared.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'std::shared_future::get' waits for the result
  // CHECK-MESSAGES: :[[@LINE+26]]:15: note: this code runs on the thread
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:18: warning: 'std::shared_future::get' waits for the result
  // CHECK-MESSAGES-ALL: :[[@LINE+24]]:15: note: this code runs on the thread
  // Bounded waits are fine.
  (void)shared.wait_for(std::chrono::seconds(1));

  // Joining another thread from inside a worker.
  std::thread child([] { compute(); });
  child.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::thread::join' in a worker waits for another thread with no timeout, so this worker cannot be stopped until that thread ends; cooperative replacement: coop::jthread: request_stop() and stop_and_join(timeout) [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE+16]]:15: note: this code runs on the thread
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:9: warning: 'std::thread::join' in a worker waits for another thread
  // CHECK-MESSAGES-ALL: :[[@LINE+14]]:15: note: this code runs on the thread
  pthread_t id;
  pthread_create(&id, nullptr, child_main, nullptr);
  pthread_join(id, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_join' in a worker waits for another thread with no timeout, so this worker cannot be stopped until that thread ends; cooperative replacement: coop::jthread: request_stop() and stop_and_join(timeout) [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE+9]]:15: note: this code runs on the thread
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:3: warning: 'pthread_join' in a worker waits for another thread
  // CHECK-MESSAGES-ALL: :[[@LINE+7]]:15: note: this code runs on the thread
  (void)a, (void)b, (void)tok;
}

int main() {
  std::promise<int> p;
  std::promise<int> q;
  std::thread t(worker, coop::stop_token(), p.get_future(), q.get_future().share());
  p.set_value(1);
  q.set_value(2);
  // Joins in the thread that started the worker: never reported.
  t.join();
  std::future<int> later = std::async(std::launch::async, compute);
  // Main-thread waits: only with CheckAllFunctions.
  int c = later.get();
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:17: warning: 'std::future::get' waits for the result
  return c;
}
