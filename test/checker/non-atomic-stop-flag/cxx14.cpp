// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++14
// Before C++17, `std::atomic<T> x = v;` needs the deleted copy constructor:
// the fix switches to direct initialisation, and to braces in a default
// member initializer (only for a literal that fits, as braces reject
// narrowing).
#include <thread>
// CHECK-FIXES: #include <atomic>

static bool stop = false;
// CHECK-FIXES: static std::atomic<bool> stop(false);
static long budget = 10 * 1000;
// CHECK-FIXES: static std::atomic<long> budget(10 * 1000);
static bool braced{false};
// CHECK-FIXES: static std::atomic<bool> braced{false};
static int plain;
// CHECK-FIXES: static std::atomic<int> plain;

struct Poller {
  void run() {
    while (!quit_ && limit_ > 0 && !off_) {
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'quit_' is read by this loop
      // CHECK-MESSAGES: :[[@LINE+13]]:8: note: 'quit_' is declared here
      // CHECK-MESSAGES: :[[@LINE+9]]:17: note: another thread writes 'quit_' here
      // CHECK-MESSAGES: :[[@LINE-4]]:22: warning: 'limit_' is read by this loop
      // CHECK-MESSAGES: :[[@LINE+12]]:7: note: 'limit_' is declared here
      // CHECK-MESSAGES: :[[@LINE+6]]:31: note: another thread writes 'limit_' here
      // CHECK-MESSAGES: :[[@LINE-7]]:37: warning: 'off_' is read by this loop
      // CHECK-MESSAGES: :[[@LINE+11]]:8: note: 'off_' is declared here
      // CHECK-MESSAGES: :[[@LINE+3]]:43: note: another thread writes 'off_' here
    }
  }
  void stop() { quit_ = true; limit_ = 0; off_ = true; }
  // A constructor setting its own members runs before any thread sees them.
  Poller() { quit_ = false; }
  bool quit_ = false;
  // CHECK-FIXES: std::atomic<bool> quit_{false};
  int limit_ = 1 + 2; // not a literal: no brace rewrite, no fix
  // CHECK-FIXES: int limit_ = 1 + 2;
  bool off_ = 2; // a literal that braces would reject as narrowing
  // CHECK-FIXES: bool off_ = 2;
};

void worker() {
  while (!stop && budget > 0 && !braced && plain == 0) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'stop' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-38]]:13: note: 'stop' is declared here
  // CHECK-MESSAGES: :[[@LINE+21]]:3: note: another thread writes 'stop' here
  // CHECK-MESSAGES: :[[@LINE-5]]:19: warning: 'budget' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-39]]:13: note: 'budget' is declared here
  // CHECK-MESSAGES: :[[@LINE+19]]:3: note: another thread writes 'budget' here
  // CHECK-MESSAGES: :[[@LINE-8]]:34: warning: 'braced' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-40]]:13: note: 'braced' is declared here
  // CHECK-MESSAGES: :[[@LINE+17]]:3: note: another thread writes 'braced' here
  // CHECK-MESSAGES: :[[@LINE-11]]:44: warning: 'plain' is read by this loop
  // CHECK-MESSAGES: :[[@LINE-41]]:12: note: 'plain' is declared here
  // CHECK-MESSAGES: :[[@LINE+15]]:3: note: another thread writes 'plain' here
}

void start(Poller &p) {
  std::thread t(worker);
  std::thread u(&Poller::run, &p);
  p.stop();
  t.join();
  u.join();
}

void finish() {
  stop = true;
  budget -= 1;
  braced = true;
  plain = 1;
}
