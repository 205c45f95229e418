// RUN: %check_coop %s coop-non-atomic-stop-flag %t -- -- -std=c++17
// RUN: %check_coop -check-suffix=GOOGLE %s coop-non-atomic-stop-flag %t \
// RUN:   -- -config="{CheckOptions: {coop-non-atomic-stop-flag.IncludeStyle: google}}" -- -std=c++17
// Every declaration of the flag changes. The include goes into the block of
// C++ standard headers, after the C ones, in both IncludeStyles (they differ
// in main-header and Objective-C ordering only); the option is honoured.
#include <pthread.h>
#include <thread>
// CHECK-FIXES: #include <pthread.h>
// CHECK-FIXES-NEXT: #include <atomic>
// CHECK-FIXES-NEXT: #include <thread>
// CHECK-FIXES-GOOGLE: #include <pthread.h>
// CHECK-FIXES-GOOGLE-NEXT: #include <atomic>
// CHECK-FIXES-GOOGLE-NEXT: #include <thread>

extern bool shutdown_requested;
// CHECK-FIXES: extern std::atomic<bool> shutdown_requested;
// CHECK-FIXES-GOOGLE: extern std::atomic<bool> shutdown_requested;

struct Service {
  static bool paused;
  // CHECK-FIXES: static std::atomic<bool> paused;
  // CHECK-FIXES-GOOGLE: static std::atomic<bool> paused;
  static void run() {
    while (!shutdown_requested && !paused) {
    }
    // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: 'shutdown_requested' is read by this loop
    // CHECK-MESSAGES: :[[@LINE+14]]:6: note: 'shutdown_requested' is declared here
    // CHECK-MESSAGES: :[[@LINE+22]]:3: note: another thread writes 'shutdown_requested' here
    // CHECK-MESSAGES: :[[@LINE-5]]:36: warning: 'paused' is read by this loop
    // CHECK-MESSAGES: :[[@LINE+14]]:15: note: 'paused' is declared here
    // CHECK-MESSAGES: :[[@LINE+20]]:12: note: another thread writes 'paused' here
    // CHECK-MESSAGES-GOOGLE: :[[@LINE-8]]:13: warning: 'shutdown_requested' is read by this loop
    // CHECK-MESSAGES-GOOGLE: :[[@LINE+8]]:6: note: 'shutdown_requested' is declared here
    // CHECK-MESSAGES-GOOGLE: :[[@LINE+16]]:3: note: another thread writes 'shutdown_requested' here
    // CHECK-MESSAGES-GOOGLE: :[[@LINE-11]]:36: warning: 'paused' is read by this loop
    // CHECK-MESSAGES-GOOGLE: :[[@LINE+8]]:15: note: 'paused' is declared here
    // CHECK-MESSAGES-GOOGLE: :[[@LINE+14]]:12: note: another thread writes 'paused' here
  }
};

bool shutdown_requested = false;
// CHECK-FIXES: std::atomic<bool> shutdown_requested = false;
// CHECK-FIXES-GOOGLE: std::atomic<bool> shutdown_requested = false;
bool Service::paused = false;
// CHECK-FIXES: std::atomic<bool> Service::paused = false;
// CHECK-FIXES-GOOGLE: std::atomic<bool> Service::paused = false;

void stop_service() {
  std::thread t(&Service::run);
  shutdown_requested = true;
  Service::paused = true;
  t.join();
}
