// coop-clangd publishes coop diagnostics over LSP and offers fix-its as
// quick-fix code actions.
// REQUIRES: coop-clangd
// RUN: %lsp_client %coop_clangd %s -- -std=c11 | FileCheck %s
#include <pthread.h>

void stop_worker(pthread_t worker) {
  int old;
  pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
  pthread_cancel(worker);
}

// CHECK: diagnostic 9:25-9:52 [coop-pthread-cancel] warning: 'pthread_setcanceltype' with PTHREAD_CANCEL_ASYNCHRONOUS lets a thread be killed at any instruction, even inside malloc or while holding a lock; cooperative replacement: coop_stop_requested() checks in the worker, and deferred cancellation meanwhile (fix available)
// CHECK-NEXT: diagnostic 10:3-10:17 [coop-pthread-cancel] warning: 'pthread_cancel' forcibly cancels a thread, which can leave mutexes locked, cleanup skipped and shared objects half-updated; cooperative replacement: coop_stop_source_request_stop() and a worker that checks coop_stop_requested() (coop_thread_start)
// CHECK-NEXT: action "{{.*}}" for [coop-pthread-cancel]: 9:3-9:59 => "pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old)"
// CHECK-NOT: action
