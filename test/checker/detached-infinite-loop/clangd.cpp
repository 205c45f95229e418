// coop-clangd reports the check in the editor: the thread analysis runs over
// the open file's own declarations, which clangd limits the walk to.
// REQUIRES: coop-clangd
// RUN: %lsp_client %coop_clangd %s -- -std=c++17 | FileCheck %s
#include <atomic>
#include <thread>

int work();
std::atomic<bool> g_stop{false};

void helper() {
  for (;;)
    work();
}
void entry() {
  helper();
}
void checked() {
  while (true)
    if (g_stop.load())
      return;
}
void start() {
  std::thread t(entry);
  t.detach();
  std::thread(checked).detach();
}

// CHECK: diagnostic 12:3-12:6 [coop-detached-infinite-loop] warning: {{[Tt]}}hread entry 'entry' runs an infinite loop with no stop check; the detached thread can never be stopped cooperatively; cooperative replacement: coop::jthread with a coop::stop_token checked in the loop condition
// CHECK-NOT: diagnostic
// CHECK-NOT: action
