// Templates: a timeout that is a template argument is judged per
// instantiation, and code in a template is reported once, at the template,
// whichever instantiations make it unbounded. CheckAllFunctions.
// RUN: %check_coop %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.CheckAllFunctions: true}}" \
// RUN:   -- -std=c++17 -I %coop_include
#include <future>
#include <poll.h>
#include <coop/stop_token.hpp>

template <int TimeoutMs> int wait_ready(pollfd *fds, int n) {
  return poll(fds, n, TimeoutMs);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'poll' with an infinite timeout waits for descriptor events with no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::wait_readable(fd, token) / coop::wait_writable(fd, token), or a finite timeout in a loop that checks the stop token [coop-unbounded-wait]
}

template <class Future> auto result_of(Future &f) {
  return f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::future::get' waits for the result with no timeout and no stop token, so a stop request cannot wake the thread; cooperative replacement: coop::wait(future, token), then get() only when it returned coop::wait_status::ready [coop-unbounded-wait]
}

// Only a finite instantiation: nothing to report.
template <int TimeoutMs> int wait_bounded(pollfd *fds, int n) {
  return poll(fds, n, TimeoutMs);
}

// A fix in a template is made once, with the token of the template.
template <class Cv, class Lock>
void wait_on(coop::stop_token tok, Cv &cv, Lock &lk) {
  cv.wait(lk);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable_any::wait' waits for a notification
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: the fix passes the stop token 'tok' declared here
  // CHECK-FIXES: {{^}}  coop::wait(cv, lk, tok);{{$}}
}

void use(pollfd *fds, std::future<int> &a, std::shared_future<int> &b,
         coop::stop_token tok, std::condition_variable_any &cv,
         std::unique_lock<std::mutex> &lk1, std::unique_lock<std::recursive_mutex> &lk2) {
  wait_ready<-1>(fds, 1);
  wait_ready<100>(fds, 1);
  wait_ready<-1>(fds, 2);
  wait_bounded<5>(fds, 1);
  result_of(a);
  result_of(b);
  wait_on(tok, cv, lk1);
  wait_on(tok, cv, lk2);
}
