// Options: ExtraBlockingFunctions (user APIs, optionally with the timeout
// argument and the value that means forever), ExtraThreadFunctions (user
// thread launchers make worker code), CallDepth.
// RUN: %check_coop %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.ExtraBlockingFunctions: 'Queue::pop;::wait_event:1;wait_handle:1:0;lib::wait_until:0:null;::block_forever', coop-unbounded-wait.ExtraThreadFunctions: 'Pool::submit'}}" \
// RUN:   -- -std=c++17 -I %coop_include
// RUN: %check_coop -check-suffix=SHALLOW %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.ExtraThreadFunctions: 'Pool::submit', coop-unbounded-wait.CallDepth: 0}}" \
// RUN:   -- -std=c++17 -I %coop_include
#include <condition_variable>
#include <mutex>
#include <coop/stop_token.hpp>

struct Queue {
  int pop();
  bool try_pop(int &out);
  int pop(coop::stop_token token); // takes a token: interruptible
};
int wait_event(int handle, int timeout_ms);
int wait_handle(int handle, unsigned timeout);
struct timespec;
namespace lib {
int wait_until(const timespec *deadline);
}
void block_forever();
namespace other {
void block_forever(); // not '::block_forever': the option names the global one
}

struct Pool {
  template <class F> void submit(F) {}
};

std::mutex m;
std::condition_variable cv;

void job(Queue &q, coop::stop_token tok, const timespec *when) {
  q.pop();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Queue::pop' waits with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: a variant that takes a coop::stop_token, or a finite timeout in a loop that checks one [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE+31]]:3: note: this code is called on the thread that 'Pool::submit' starts here
  q.pop(tok);
  int out;
  q.try_pop(out);
  wait_event(1, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'wait_event' waits with an infinite timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: a variant that takes a coop::stop_token, or a finite timeout in a loop that checks one [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE+25]]:3: note: this code is called on the thread
  wait_event(1, 100);
  wait_handle(1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'wait_handle' waits with an infinite timeout
  // CHECK-MESSAGES: :[[@LINE+21]]:3: note: this code is called on the thread
  wait_handle(1, 100);
  lib::wait_until(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'lib::wait_until' waits with an infinite timeout
  // CHECK-MESSAGES: :[[@LINE+17]]:3: note: this code is called on the thread
  lib::wait_until(when);
  block_forever();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'block_forever' waits with no timeout
  // CHECK-MESSAGES: :[[@LINE+13]]:3: note: this code is called on the thread
}

void deeper() {
  std::unique_lock<std::mutex> lk(m);
  cv.wait(lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' waits for a notification
  // CHECK-MESSAGES: :[[@LINE-2]]:6: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::wait(cv, lk, token)'
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: this code is called on the thread that 'Pool::submit' starts here
}

void start(Pool &pool, Queue &q, coop::stop_token tok) {
  // A user thread API from ExtraThreadFunctions: its callable is an entry.
  pool.submit([&q, tok] {
    job(q, tok, nullptr);
    deeper();
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' waits for a notification
    // CHECK-MESSAGES: :[[@LINE-8]]:51: note: the fix passes the stop token 'tok' declared here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: this code runs on the thread that 'Pool::submit' starts here
    // CHECK-FIXES: {{^}}    coop::wait(cv, lk, tok);{{$}}
    // CHECK-MESSAGES-SHALLOW: :[[@LINE-5]]:8: warning: 'std::condition_variable::wait' waits for a notification
    // CHECK-MESSAGES-SHALLOW: :[[@LINE-12]]:51: note: the fix passes the stop token 'tok' declared here
    // CHECK-MESSAGES-SHALLOW: :[[@LINE-11]]:3: note: this code runs on the thread that 'Pool::submit' starts here
    // CHECK-FIXES-SHALLOW: {{^}}    coop::wait(cv, lk, tok);{{$}}
    other::block_forever();
  });
}

// Not on a worker: user APIs are judged by the same scope.
void main_thread(Queue &q) { q.pop(); }
