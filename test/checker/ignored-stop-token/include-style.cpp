// RUN: %check_coop %s coop-ignored-stop-token %t -- -- -std=c++20
// RUN: %check_coop -check-suffix=GOOGLE %s coop-ignored-stop-token %t \
// RUN:   -- -config="{CheckOptions: {coop-ignored-stop-token.IncludeStyle: google}}" -- -std=c++20
// Giving a jthread lambda a std::stop_token parameter includes
// <stop_token>, where the IncludeStyle puts it.
#include <cstdio>
#include <thread>
// CHECK-FIXES: #include <cstdio>
// CHECK-FIXES-NEXT: #include <stop_token>
// CHECK-FIXES-NEXT: #include <thread>
// CHECK-FIXES-GOOGLE: #include <cstdio>
// CHECK-FIXES-GOOGLE-NEXT: #include <stop_token>
// CHECK-FIXES-GOOGLE-NEXT: #include <thread>

void heartbeat() {
  std::jthread beat([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::jthread' runs a callable that loops forever and takes no stop token
    // CHECK-MESSAGES-GOOGLE: :[[@LINE-2]]:21: warning: 'std::jthread' runs a callable that loops forever and takes no stop token
    // CHECK-FIXES: std::jthread beat([](std::stop_token token) {
    // CHECK-FIXES-GOOGLE: std::jthread beat([](std::stop_token token) {
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this loop never ends
      // CHECK-MESSAGES-GOOGLE: :[[@LINE-2]]:5: note: this loop never ends
      // CHECK-FIXES: while (!token.stop_requested())
      // CHECK-FIXES-GOOGLE: while (!token.stop_requested())
      std::puts("alive");
  });
}
