// coop-clangd reports the check in the editor and offers the loop rewrite as
// a quick fix.
// REQUIRES: coop-clangd
// RUN: %lsp_client %coop_clangd %s -- -std=c++20 | FileCheck %s
#include <thread>

void work();

void pump(std::stop_token token) {
  while (true)
    work();
}

void run() { std::jthread worker(pump); }

// CHECK: diagnostic 9:27-9:32 [coop-ignored-stop-token] warning: {{[Ss]}}top token 'token' is never used, so a stop request cannot end the loop in 'pump', and the 'std::jthread' running it hangs in its destructor, which requests stop and then joins; cooperative replacement: check token.stop_requested() in the loop, or pass the token to the wait (coop::wait, coop::sleep_for, coop::recv, ...) (fix available)
// CHECK-NEXT: action "{{.*}}" for [coop-ignored-stop-token]: 10:10-10:14 => "!token.stop_requested()"
// CHECK-NOT: diagnostic
