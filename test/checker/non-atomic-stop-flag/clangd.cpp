// coop-clangd reports the check in the editor and offers the declaration fix
// as a quick fix.
// REQUIRES: coop-clangd
// RUN: %lsp_client %coop_clangd %s -- -std=c++17 | FileCheck %s
#include <thread>

bool stop = false;

void worker() {
  while (!stop) {
  }
}

void run() {
  std::thread t(worker);
  stop = true;
  t.join();
}

// CHECK: diagnostic 10:11-10:15 [coop-non-atomic-stop-flag] warning: 'stop' is read by this loop while another thread writes it, with no synchronisation: a data race, so the compiler may hoist the load and the loop never end; cooperative replacement: std::atomic<bool> (or a coop::stop_token) (fix available)
// CHECK-NEXT: action "{{.*}}" for [coop-non-atomic-stop-flag]: 7:1-7:5 => "std::atomic<bool>"
// CHECK-NEXT: action "{{.*}}" for [coop-non-atomic-stop-flag]: 5:1-5:1 => "#include <atomic>
// CHECK-NOT: diagnostic
