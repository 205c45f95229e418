// RUN: %check_coop %s coop-ignored-stop-token %t -- -- -std=c++17 -I%coop_include
// Any function that is given a stop token and ignores it while it loops or
// blocks cannot be stopped; coop::jthread (C++17) hands its callable a
// coop::stop_token the way std::jthread does.
#include <condition_variable>
#include <coop/jthread.hpp>
#include <coop/stop_token.hpp>
#include <future>
#include <mutex>

void work();
bool more_work();

// Blocks with no timeout and without the token.
void waits(coop::stop_token token, std::condition_variable &cv, std::mutex &m) {
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: stop token 'token' is never used, so a stop request cannot end the blocking wait in 'waits'; cooperative replacement: check token.stop_requested() in the loop, or pass the token to the wait (coop::wait, coop::sleep_for, coop::recv, ...) [coop-ignored-stop-token]
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this call waits with no timeout and without the token
}
int result(const coop::stop_token &, std::future<int> &f) {
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the unnamed stop token is never used, so a stop request cannot end the blocking wait in 'result'
  return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: this call waits with no timeout and without the token
}
// A bounded wait is fine.
void bounded_wait(coop::stop_token token, std::condition_variable &cv,
                  std::mutex &m) {
  std::unique_lock<std::mutex> lock(m);
  cv.wait_for(lock, std::chrono::seconds(1));
}

// Loops, in a member function and a coop::jthread lambda.
class Service {
public:
  void serve(coop::stop_token) {
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the unnamed stop token is never used, so a stop request cannot end the loop in 'serve'
    // CHECK-FIXES: void serve(coop::stop_token token) {
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this loop does not end by itself and never checks the token
      // CHECK-FIXES: while (!token.stop_requested())
      work();
  }
  void start() {
    thread_ = coop::jthread([](coop::stop_token stop) {
      // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: stop token 'stop' is never used, so a stop request cannot end the loop in this lambda, and the 'coop::jthread' running it hangs in its destructor, which requests stop and then joins; cooperative replacement: check stop.stop_requested() in the loop
      for (;;) {
        // CHECK-MESSAGES: :[[@LINE-1]]:7: note: this loop does not end by itself and never checks the token
        // CHECK-FIXES: for (; !stop.stop_requested();) {
        work();
      }
      // CHECK-MESSAGES: :[[@LINE-7]]:29: note: the 'coop::jthread' is given this callable here
    });
  }

private:
  coop::jthread thread_;
};

// coop::jthread with a callable that takes no token.
void tokenless() {
  coop::jthread worker([] { while (true) work(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'coop::jthread' runs a callable that loops forever and takes no stop token, so its destructor, which requests stop and then joins, waits forever; cooperative replacement: take a 'coop::stop_token' as the callable's first parameter and end the loop when stop_requested() returns true [coop-ignored-stop-token]
  // CHECK-MESSAGES: :[[@LINE-2]]:29: note: this loop never ends
  // CHECK-FIXES: coop::jthread worker([](coop::stop_token token) { while (!token.stop_requested()) work(); });
}

// Templates: reported once, in the template.
template <class Task> void run_all(coop::stop_token token, Task task) {
  // CHECK-MESSAGES: :[[@LINE-1]]:53: warning: stop token 'token' is never used, so a stop request cannot end the loop in 'run_all'
  while (true)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this loop does not end by itself and never checks the token
    // CHECK-FIXES: while (!token.stop_requested())
    task();
}
void use_templates(coop::stop_token token) {
  run_all(token, work);
  run_all(token, [] {});
}

// Macros: the loop is reported where it is written; no rewrite of a loop
// spelled by a macro.
#define FOREVER for (;;)
void macro_loop(coop::stop_token token) {
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: stop token 'token' is never used, so a stop request cannot end the loop in 'macro_loop'
  FOREVER work();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this loop does not end by itself and never checks the token
  // CHECK-FIXES: FOREVER work();
}

// NOLINT on the parameter's line.
void suppressed(coop::stop_token token) { // NOLINT(coop-ignored-stop-token)
  while (true)
    work();
}

// Not flagged: no loop and no wait; a token that is used.
void quick(coop::stop_token token) { work(); }
void polls(coop::stop_token token) {
  while (more_work() && !token.stop_requested())
    work();
}
