// Code that does not compile: the check must neither crash nor report calls
// whose arguments contain errors.
// RUN: %check_coop --no-compile-fixed %s coop-unbounded-wait %t -- \
// RUN:   -config="{CheckOptions: {coop-unbounded-wait.CheckAllFunctions: true}}" \
// RUN:   -- -std=c++17
#include <condition_variable>
#include <mutex>
#include <poll.h>
#include <sys/socket.h>

std::condition_variable cv;

void broken(std::unique_lock<std::mutex> &lk) {
  cv.wait(missing_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: use of undeclared identifier 'missing_lock' [clang-diagnostic-error]
  poll(nullptr, 0, undeclared_timeout);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: error: use of undeclared identifier 'undeclared_timeout' [clang-diagnostic-error]
  recv(no_fd, nullptr, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: error: use of undeclared identifier 'no_fd' [clang-diagnostic-error]
  cv.wait(lk, 1, 2, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: error: no matching member function for call to 'wait' [clang-diagnostic-error]
  // CHECK-MESSAGES: condition_variable:{{[0-9]+}}:{{[0-9]+}}: note: candidate function template not viable
  // CHECK-MESSAGES: condition_variable:{{[0-9]+}}:{{[0-9]+}}: note: candidate function not viable
}

template <class T> void dependent(T &t) { t.wait(); }
