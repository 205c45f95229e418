// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++17
// A file that already includes <atomic>, out of sorted order, gets no
// second #include <atomic> with the fix (clang-tidy's IncludeSorter alone
// would put one before <thread>).
// CHECK-FIXES-NOT: {{^}}#include <atomic>
// CHECK-FIXES: {{^}}#include <thread>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <atomic>{{$}}
// CHECK-FIXES-NOT: {{^}}#include <atomic>
#include <thread>
#include <atomic>

bool stop = false;
// CHECK-FIXES: std::atomic<bool> stop = false;

void spin_worker() {
  while (!stop) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'stop' is read by this loop while another thread writes it
    // CHECK-MESSAGES: :[[@LINE-6]]:6: note: 'stop' is declared here
    // CHECK-MESSAGES: :[[@LINE+6]]:3: note: another thread writes 'stop' here
  }
}

void start() {
  std::thread worker(spin_worker);
  stop = true;
  worker.join();
}
