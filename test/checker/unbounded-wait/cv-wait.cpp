// Condition-variable waits in worker code (the default scope), with and
// without a stop token in scope, and the fix into coop::wait.
// RUN: %check_coop %s coop-unbounded-wait %t -- -- -std=c++17 -I %coop_include
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>
#include <coop/stop_token.hpp>
// The fix adds the header, in the sorted position.
// CHECK-FIXES: #include <condition_variable>
// CHECK-FIXES-NEXT: #include <coop/wait.hpp>
// CHECK-FIXES-NEXT: #include <mutex>

std::mutex m;
std::condition_variable cv;
std::condition_variable other_cv;
std::condition_variable_any cv_any;
bool ready;

#define WAIT_ON(c, l) c.wait(l)

// A lambda thread with no token: a note names the replacement, no fix.
void start_plain() {
  std::thread t([] {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' waits for a notification with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::wait(cv, lock, token[, pred]), which returns coop::wait_status::stop_requested on a stop [coop-unbounded-wait]
    // CHECK-MESSAGES: :[[@LINE-2]]:8: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::wait(cv, lk, token)'
    // CHECK-MESSAGES: :[[@LINE-5]]:15: note: this code runs on the thread that 'std::thread' starts here
    cv.wait(lk, [] { return ready; });
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' waits for a notification
    // CHECK-MESSAGES: :[[@LINE-2]]:8: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::wait(cv, lk, token, [] { return ready; })'
    // CHECK-MESSAGES: :[[@LINE-9]]:15: note: this code runs on the thread that 'std::thread' starts here
    // Bounded waits are fine.
    cv.wait_for(lk, std::chrono::seconds(1));
    cv.wait_until(lk, std::chrono::steady_clock::now());
  });
  t.join();
}

// A function entry whose parameter is the thread's token: the fix passes it.
void entry(coop::stop_token tok, std::condition_variable *cvp);
std::thread start_entry() { return std::thread(entry, coop::stop_token(), &cv); }
void helper(coop::stop_token tok);
void entry(coop::stop_token tok, std::condition_variable *cvp) {
  std::unique_lock<std::mutex> lk(m);
  cv.wait(lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' waits for a notification
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-MESSAGES: :[[@LINE-7]]:36: note: this code runs on the thread that 'std::thread' starts here
  // CHECK-FIXES: {{^}}  coop::wait(cv, lk, tok);{{$}}
  cv.wait(lk, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' waits for a notification
  // CHECK-MESSAGES: :[[@LINE-9]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-MESSAGES: :[[@LINE-12]]:36: note: this code runs on the thread that 'std::thread' starts here
  // CHECK-FIXES: {{^}}  coop::wait(cv, lk, tok, [] { return ready; });{{$}}
  while (!ready)
    cvp->wait(lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::condition_variable::wait' waits for a notification
  // CHECK-MESSAGES: :[[@LINE-15]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-MESSAGES: :[[@LINE-18]]:36: note: this code runs on the thread that 'std::thread' starts here
  // CHECK-FIXES: {{^}}    coop::wait(*cvp, lk, tok);{{$}}
  (void)cv_any.wait(lk), ready = true;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::condition_variable_any::wait' waits for a notification with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::wait(cv, lock, token[, pred]), which returns coop::wait_status::stop_requested on a stop (or, in C++20, cv.wait(lock, stop_token, pred)) [coop-unbounded-wait]
  // CHECK-MESSAGES: :[[@LINE-20]]:29: note: the fix passes the stop token 'tok' declared here
  // CHECK-MESSAGES: :[[@LINE-23]]:36: note: this code runs on the thread that 'std::thread' starts here
  // CHECK-FIXES: {{^}}  (void)coop::wait(cv_any, lk, tok), ready = true;{{$}}
  helper(tok);
}

// Reached from the entry: "is called on" the thread.
void helper(coop::stop_token tok) {
  std::unique_lock<std::mutex> lk(m);
  other_cv.wait(lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::condition_variable::wait' waits for a notification
  // CHECK-MESSAGES: :[[@LINE-4]]:30: note: the fix passes the stop token 'tok' declared here
  // CHECK-MESSAGES: :[[@LINE-34]]:36: note: this code is called on the thread that 'std::thread' starts here
  // CHECK-FIXES: {{^}}  coop::wait(other_cv, lk, tok);{{$}}
  // A macro: reported where it is used, no fix, no note about the token.
  WAIT_ON(cv, lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' waits for a notification
  // CHECK-MESSAGES: :[[@LINE-39]]:36: note: this code is called on the thread that 'std::thread' starts here
  // CHECK-FIXES: {{^}}  WAIT_ON(cv, lk);{{$}}
  cv.wait(lk); // NOLINT(coop-unbounded-wait)
  // NOLINTNEXTLINE(coop-*)
  cv.wait(lk);
}

// Tokens of an enclosing function reach a lambda through its captures, but
// not through a by-reference default capture: the lambda may run on a thread
// that outlives the token.
void captures(coop::stop_token tok) {
  std::thread by_copy([=] {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' waits for a notification
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: the fix passes the stop token 'tok' declared here
    // CHECK-MESSAGES: :[[@LINE-5]]:15: note: this code runs on the thread that 'std::thread' starts here
    // CHECK-FIXES: {{^}}    coop::wait(cv, lk, tok);{{$}}
  });
  std::thread explicit_capture([tok] {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' waits for a notification
    // CHECK-MESSAGES: :[[@LINE-13]]:32: note: the fix passes the stop token 'tok' declared here
    // CHECK-MESSAGES: :[[@LINE-5]]:15: note: this code runs on the thread that 'std::thread' starts here
    // CHECK-FIXES: {{^}}    coop::wait(cv, lk, tok);{{$}}
  });
  std::thread by_reference([&] {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' waits for a notification
    // CHECK-MESSAGES: :[[@LINE-2]]:8: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::wait(cv, lk, token)'
    // CHECK-MESSAGES: :[[@LINE-5]]:15: note: this code runs on the thread that 'std::thread' starts here
    // CHECK-FIXES: {{^}}    cv.wait(lk);{{$}}
  });
  by_copy.join();
  explicit_capture.join();
  by_reference.join();
}

// A local token declared before the wait is in scope; one declared after it
// is not.
void local_tokens(coop::stop_source *source) {
  std::thread t([source] {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' waits for a notification
    // CHECK-MESSAGES: :[[@LINE-2]]:8: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::wait(cv, lk, token)'
    // CHECK-MESSAGES: :[[@LINE-5]]:15: note: this code runs on the thread that 'std::thread' starts here
    coop::stop_token stop = source->get_token();
    {
      cv.wait(lk, [] { return ready; });
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::condition_variable::wait' waits for a notification
      // CHECK-MESSAGES: :[[@LINE-4]]:22: note: the fix passes the stop token 'stop' declared here
      // CHECK-MESSAGES: :[[@LINE-11]]:15: note: this code runs on the thread that 'std::thread' starts here
      // CHECK-FIXES: {{^}}      coop::wait(cv, lk, stop, [] { return ready; });{{$}}
    }
  });
  t.detach();
}

// The value of a void wait cannot become the value of coop::wait: no fix.
void returns_wait(coop::stop_token tok, std::unique_lock<std::mutex> &lk) {
  return cv.wait(lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::condition_variable::wait' waits for a notification
  // CHECK-MESSAGES: :[[@LINE+3]]:15: note: this code is called on the thread that 'std::thread' starts here
}
void start_returns_wait(coop::stop_token tok, std::unique_lock<std::mutex> &lk) {
  std::thread t([&] { returns_wait(tok, lk); });
  t.join();
}

// A stop callback that notifies the condition variable makes the wait
// interruptible already; one that notifies another does not.
void woken_by_callback(coop::stop_token tok) {
  std::thread t([tok] {
    std::unique_lock<std::mutex> lk(m);
    coop::stop_callback wake(tok, [] { cv.notify_all(); });
    cv.wait(lk, [] { return ready; });
    auto wake_other = [] { other_cv.notify_all(); };
    coop::stop_callback wake_2(tok, wake_other);
    other_cv.wait(lk);
    other_cv.wait(lk);
    cv_any.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::condition_variable_any::wait' waits for a notification
    // CHECK-MESSAGES: :[[@LINE-11]]:41: note: the fix passes the stop token 'tok' declared here
    // CHECK-MESSAGES: :[[@LINE-11]]:15: note: this code runs on the thread that 'std::thread' starts here
    // CHECK-FIXES: {{^}}    coop::wait(cv_any, lk, tok);{{$}}
  });
  t.join();
}

// Code in a template is reported once, not once per instantiation.
template <class Cv> void wait_on(Cv &c, std::unique_lock<std::mutex> &lk) {
  c.wait(lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::condition_variable::wait' waits for a notification
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::wait(c, lk, token)'
  // CHECK-MESSAGES: :[[@LINE+6]]:15: note: this code is called on the thread that 'std::thread' starts here
}
template <class Cv> void never_instantiated(Cv &c, std::unique_lock<std::mutex> &lk) {
  c.wait(lk);
}
void start_template() {
  std::thread t([] {
    std::unique_lock<std::mutex> lk(m);
    wait_on(cv, lk);
    wait_on(other_cv, lk);
  });
  t.join();
}

// A lambda written in worker code runs on the worker too.
void nested_lambda() {
  std::thread t([] {
    std::vector<int> items{1, 2};
    auto drain = [](int) {
      std::unique_lock<std::mutex> lk(m);
      cv.wait(lk);
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::condition_variable::wait' waits for a notification
      // CHECK-MESSAGES: :[[@LINE-2]]:10: note: no stop token is in scope for a fix-it; with one, the call becomes 'coop::wait(cv, lk, token)'
      // CHECK-MESSAGES: :[[@LINE-7]]:15: note: this code is called on the thread that 'std::thread' starts here
    };
    for (int i : items)
      drain(i);
  });
  t.join();
}

// Code that no thread runs is not worker code (see check-all.cpp for
// CheckAllFunctions).
void not_on_a_worker(std::unique_lock<std::mutex> &lk) { cv.wait(lk); }
int main() {
  std::unique_lock<std::mutex> lk(m);
  cv.wait(lk);
  cv.wait(lk, [] { return ready; });
  not_on_a_worker(lk);
  start_plain();
  start_entry().join();
}
