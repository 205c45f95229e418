// C++: decltype, noexcept, sizeof and typeid operands are never evaluated,
// so a function named only there is not worker code, and a std::thread
// constructed only there starts nothing; a function called is.
// RUN: %check_coop %s coop-unbounded-wait %t -- -- -std=c++17 -I %coop_include
#include <mutex>
#include <thread>
#include <condition_variable>
#include <typeinfo>

std::mutex mutex;
std::condition_variable ready;

int called_on_worker() {
  std::unique_lock<std::mutex> lock(mutex);
  ready.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::condition_variable::wait' waits for a notification with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::wait(cv, lock, token[, pred]), which returns coop::wait_status::stop_requested on a stop [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::wait(ready, lock, token)'
  // CHECK-MESSAGES: :[[@LINE+17]]:15: note: this code is called on the thread that 'std::thread' starts here
  return 1;
}

int only_named() {
  std::unique_lock<std::mutex> lock(mutex);
  ready.wait(lock);
  return 1;
}

int only_in_noexcept() {
  std::unique_lock<std::mutex> lock(mutex);
  ready.wait(lock);
  return 1;
}

void start() {
  std::thread worker([] {
    decltype(only_named()) unevaluated = called_on_worker();
    bool never_runs = noexcept(only_in_noexcept());
    (void)unevaluated;
    (void)never_runs;
  });
  worker.join();
}

int started_in_sizeof() {
  std::unique_lock<std::mutex> lock(mutex);
  ready.wait(lock);
  return 1;
}

int started_in_noexcept() {
  std::unique_lock<std::mutex> lock(mutex);
  ready.wait(lock);
  return 1;
}

int started_in_typeid() {
  std::unique_lock<std::mutex> lock(mutex);
  ready.wait(lock);
  return 1;
}

void measure() {
  (void)sizeof(std::thread(started_in_sizeof));
  (void)noexcept(std::thread(started_in_noexcept));
  (void)typeid(std::thread(started_in_typeid));
}
