// RUN: %check_coop %s coop-ignored-stop-token %t -- -- -std=c++20
// A file that already includes <stop_token>, out of sorted order, gets no
// second #include <stop_token> with the fix (clang-tidy's IncludeSorter
// alone would put one before <thread>).
// CHECK-FIXES-NOT: {{^}}#include <stop_token>
// CHECK-FIXES: {{^}}#include <thread>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <cstdio>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <stop_token>{{$}}
// CHECK-FIXES-NOT: {{^}}#include <stop_token>
#include <thread>
#include <cstdio>
#include <stop_token>

void heartbeat() {
  std::jthread beat([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::jthread' runs a callable that loops forever and takes no stop token
    // CHECK-FIXES: std::jthread beat([](std::stop_token token) {
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this loop never ends
      // CHECK-FIXES: while (!token.stop_requested())
      std::puts("alive");
  });
}
